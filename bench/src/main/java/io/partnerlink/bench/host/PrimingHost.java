package io.partnerlink.bench.host;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.partnerlink.shared.lambda.JsonStreamFunction;
import io.partnerlink.shared.priming.SnapStartPriming;

import java.util.List;

/**
 * The local stand-in for SnapStart: init (handler construction) → optional priming (what micronaut-crac runs in
 * {@code beforeCheckpoint}) → the snapshot point → the first and second invocations, timed. A restored SnapStart
 * function resumes with the snapshot's loaded classes and compiled code, so the first invocation's latency after
 * this point, with priming versus without, is what priming saves.
 * <p>
 * {@code java ... PrimingHost <handler class> <events.jsonl> <prime: true|false>}
 */
public final class PrimingHost {

    private PrimingHost() {
    }

    public static void main(String[] args) throws Exception {
        List<String> events = Invocations.events(args[1]);
        boolean prime = Boolean.parseBoolean(args[2]);
        long start = System.nanoTime();
        RequestStreamHandler handler = Invocations.handler(args[0]);
        long constructed = System.nanoTime();
        int steps = 0;
        if (prime) {
            steps = ((JsonStreamFunction<?, ?>) handler).applicationContext().getBean(SnapStartPriming.class).prime();
        }
        long snapshot = System.nanoTime();
        String first = Invocations.invoke(handler, events.get(0));
        long firstDone = System.nanoTime();
        String second = Invocations.invoke(handler, events.get(1));
        long secondDone = System.nanoTime();
        Invocations.report("{\"primed\":" + prime + ",\"steps\":" + steps
                + ",\"initMs\":" + (constructed - start) / 1e6
                + ",\"primeMs\":" + (snapshot - constructed) / 1e6
                + ",\"firstMs\":" + (firstDone - snapshot) / 1e6
                + ",\"secondMs\":" + (secondDone - firstDone) / 1e6
                + ",\"response\":" + Invocations.quote(first)
                + ",\"secondResponse\":" + Invocations.quote(second) + "}");
        System.exit(0);
    }
}
