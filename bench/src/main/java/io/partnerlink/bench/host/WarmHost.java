package io.partnerlink.bench.host;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.util.List;

/**
 * Warm overhead: the function's handler and the framework-free baseline (the same partner and DynamoDB calls made
 * directly with java.net.http and the SDK) in one JVM, warmed up, then invoked alternately so that both see the
 * same machine noise. Reports every measured duration in microseconds and how many answers were not 2xx.
 * <p>
 * {@code java ... WarmHost <function class> <function.jsonl> <baseline class> <baseline.jsonl> <warm-up> <measured>}
 */
public final class WarmHost {

    private WarmHost() {
    }

    public static void main(String[] args) throws Exception {
        RequestStreamHandler function = Invocations.handler(args[0]);
        List<String> functionEvents = Invocations.events(args[1]);
        RequestStreamHandler baseline = Invocations.handler(args[2]);
        List<String> baselineEvents = Invocations.events(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int measured = Integer.parseInt(args[5]);
        int failures = 0;
        String lastFailure = "";
        for (int i = 0; i < warmup; i++) {
            Invocations.invoke(function, functionEvents.get(i));
            Invocations.invoke(baseline, baselineEvents.get(i));
        }
        long[] functionMicros = new long[measured];
        long[] baselineMicros = new long[measured];
        for (int i = 0; i < measured; i++) {
            long t0 = System.nanoTime();
            String f = Invocations.invoke(function, functionEvents.get(warmup + i));
            long t1 = System.nanoTime();
            String b = Invocations.invoke(baseline, baselineEvents.get(warmup + i));
            long t2 = System.nanoTime();
            functionMicros[i] = (t1 - t0) / 1000;
            baselineMicros[i] = (t2 - t1) / 1000;
            for (String answer : new String[]{f, b}) {
                if (!Answers.ok(answer)) {
                    failures++;
                    lastFailure = answer;
                }
            }
        }
        Invocations.report("{\"failures\":" + failures + ",\"lastFailure\":" + Invocations.quote(lastFailure)
                + ",\"functionMicros\":" + join(functionMicros) + ",\"baselineMicros\":" + join(baselineMicros) + "}");
        System.exit(0);
    }

    private static String join(long[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(values[i]);
        }
        return b.append(']').toString();
    }
}
