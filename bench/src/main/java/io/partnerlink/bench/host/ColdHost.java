package io.partnerlink.bench.host;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.lang.management.ManagementFactory;

/**
 * One cold start, the way the Lambda runtime does it: load and construct the handler class (its public no-arg
 * constructor builds whatever it needs), invoke it once with the event, then report. Nothing before the response
 * touches anything but the handler, so the classes loaded up to {@link ResponseMarker} are the function's own.
 * <p>
 * {@code java ... io.partnerlink.bench.host.ColdHost <handler class> <events.jsonl>}
 */
public final class ColdHost {

    private ColdHost() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        RequestStreamHandler handler = Invocations.handler(args[0]);
        long constructed = System.nanoTime();
        String response = Invocations.invoke(handler, Invocations.events(args[1]).get(0));
        long answered = System.nanoTime();
        long answeredAtMillis = System.currentTimeMillis();
        ResponseMarker.reached();
        long rss = Invocations.residentKb();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Invocations.report("{\"sinceJvmStartMs\":" + (answeredAtMillis - jvmStart)
                + ",\"initMs\":" + (constructed - start) / 1e6
                + ",\"invokeMs\":" + (answered - constructed) / 1e6
                + ",\"rssKb\":" + rss
                + ",\"response\":" + Invocations.quote(response) + "}");
        System.exit(0); // Lambda freezes the sandbox here; non-daemon threads must not keep the child alive
    }
}
