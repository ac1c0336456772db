package io.partnerlink.bench;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm overhead of an HTTP function: in one Lambda-sized JVM, after a warm-up, the function and the framework-free
 * baseline (the same partner HTTP and DynamoDB calls made directly with java.net.http and the SDK) invoked
 * alternately, 1,000 times each.
 */
final class WarmOverhead {

    private final ChildJvm jvm;
    private final int warmup;
    private final int measured;

    WarmOverhead(ChildJvm jvm, int warmup, int measured) {
        this.jvm = jvm;
        this.warmup = warmup;
        this.measured = measured;
    }

    Map<String, Object> measure(Subject subject) {
        ChildJvm.Outcome outcome = jvm.run(subject.functionClasspath(), List.of(),
                "io.partnerlink.bench.host.WarmHost",
                List.of(subject.fn().handlerClass(), subject.events("warm", warmup + measured).toString(),
                        subject.fn().baselineClass(), subject.events("warm-baseline", warmup + measured).toString(),
                        Integer.toString(warmup), Integer.toString(measured)),
                subject.env());
        int failures = (int) outcome.number("failures");
        if (failures > 0) {
            throw new IllegalStateException(subject.fn().name() + " warm run: " + failures + " failed answers, e.g. " + outcome.text("lastFailure"));
        }
        Stats f = Stats.of(millis(outcome.report(), "functionMicros"));
        Stats b = Stats.of(millis(outcome.report(), "baselineMicros"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("invocations", measured);
        result.put("warmup", warmup);
        result.put("functionP50Ms", f.p50());
        result.put("functionP99Ms", f.p99());
        result.put("rawP50Ms", b.p50());
        result.put("rawP99Ms", b.p99());
        result.put("ratioP50", f.p50() / b.p50());
        return result;
    }

    private static List<Double> millis(JsonNode report, String field) {
        return report.field(field).orElseThrow().asArray().stream().map(n -> Double.parseDouble(n.asNumber()) / 1000).toList();
    }
}
