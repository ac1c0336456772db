package io.partnerlink.bench.host;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.util.List;

/**
 * Invokes one handler with each event in turn (one container serving a sequence of triggers) and reports every
 * invocation's duration and answer.
 * <p>
 * {@code java ... SequenceHost <handler class> <events.jsonl>}
 */
public final class SequenceHost {

    private SequenceHost() {
    }

    public static void main(String[] args) throws Exception {
        RequestStreamHandler handler = Invocations.handler(args[0]);
        StringBuilder runs = new StringBuilder("[");
        for (String event : Invocations.events(args[1])) {
            long start = System.nanoTime();
            String answer = Invocations.invoke(handler, event);
            long ms = (System.nanoTime() - start) / 1_000_000;
            runs.append(runs.length() > 1 ? "," : "").append("{\"ms\":").append(ms)
                    .append(",\"answer\":").append(Invocations.quote(answer)).append('}');
        }
        Invocations.report("{\"runs\":" + runs.append(']') + "}");
        System.exit(0);
    }
}
