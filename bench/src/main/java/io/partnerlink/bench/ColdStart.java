package io.partnerlink.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start: a fresh Lambda-sized JVM per run, from process spawn to the first response of the function's shaded
 * jar, alternated run by run with the framework-free baseline so both see the same machine noise.
 */
final class ColdStart {

    private final ChildJvm jvm;
    private final int runs;

    ColdStart(ChildJvm jvm, int runs) {
        this.jvm = jvm;
        this.runs = runs;
    }

    Map<String, Object> measure(Subject subject) {
        List<ChildJvm.Outcome> function = new ArrayList<>();
        List<ChildJvm.Outcome> baseline = new ArrayList<>();
        // one unmeasured run each first: the OS page cache then holds both jars, as it would on a warm Lambda host
        once(subject, true);
        once(subject, false);
        for (int i = 0; i < runs; i++) {
            function.add(once(subject, true));
            baseline.add(once(subject, false));
        }
        Stats f = Stats.of(function.stream().map(ChildJvm.Outcome::wallMs).toList());
        Stats b = Stats.of(baseline.stream().map(ChildJvm.Outcome::wallMs).toList());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runs", runs);
        result.put("functionMedianMs", f.median());
        result.put("functionMinMs", f.min());
        result.put("baselineMedianMs", b.median());
        result.put("baselineMinMs", b.min());
        result.put("ratioMedian", f.median() / b.median());
        result.put("functionRssMedianMb", Stats.of(function.stream().map(o -> o.number("rssKb") / 1024).toList()).median());
        result.put("baselineRssMedianMb", Stats.of(baseline.stream().map(o -> o.number("rssKb") / 1024).toList()).median());
        result.put("functionInitMedianMs", Stats.of(function.stream().map(o -> o.number("initMs")).toList()).median());
        result.put("functionFirstInvokeMedianMs", Stats.of(function.stream().map(o -> o.number("invokeMs")).toList()).median());
        result.put("baselineInitMedianMs", Stats.of(baseline.stream().map(o -> o.number("initMs")).toList()).median());
        result.put("baselineFirstInvokeMedianMs", Stats.of(baseline.stream().map(o -> o.number("invokeMs")).toList()).median());
        result.put("functionSinceJvmStartMedianMs", Stats.of(function.stream().map(o -> o.number("sinceJvmStartMs")).toList()).median());
        result.put("functionWallMs", function.stream().map(ChildJvm.Outcome::wallMs).toList());
        result.put("baselineWallMs", baseline.stream().map(ChildJvm.Outcome::wallMs).toList());
        return result;
    }

    private ChildJvm.Outcome once(Subject subject, boolean function) {
        ChildJvm.Outcome outcome = jvm.run(function ? subject.functionClasspath() : subject.baselineClasspath(), List.of(),
                "io.partnerlink.bench.host.ColdHost",
                List.of(function ? subject.fn().handlerClass() : subject.fn().baselineClass(),
                        subject.events(function ? "cold" : "cold-baseline", 1).toString()),
                subject.env());
        Answers.require(outcome, (function ? subject.fn().name() : "baseline of " + subject.fn().name()) + " cold start");
        return outcome;
    }
}
