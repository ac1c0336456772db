package io.partnerlink.bench;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.WireMockServer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming, measured with a local stand-in: in a fresh JVM, init, then priming (or not), then the snapshot
 * point, then the first invocation. Runs alternate primed and unprimed. The sandbox's request count around each run
 * shows whether priming itself called the partner (it must not).
 */
final class Priming {

    private final ChildJvm jvm;
    private final int runs;
    private final Emulators emulators;

    Priming(ChildJvm jvm, int runs, Emulators emulators) {
        this.jvm = jvm;
        this.runs = runs;
        this.emulators = emulators;
    }

    Map<String, Object> measure(Subject subject) {
        WireMockServer sandbox = emulators.sandbox(subject.fn().partner());
        List<ChildJvm.Outcome> primed = new ArrayList<>();
        List<ChildJvm.Outcome> unprimed = new ArrayList<>();
        int primedCalls = 0;
        int unprimedCalls = 0;
        for (int i = 0; i < runs; i++) {
            int before = calls(sandbox);
            primed.add(once(subject, true));
            int middle = calls(sandbox);
            unprimed.add(once(subject, false));
            primedCalls += middle - before;
            unprimedCalls += calls(sandbox) - middle;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        Stats with = Stats.of(primed.stream().map(o -> o.number("firstMs")).toList());
        Stats without = Stats.of(unprimed.stream().map(o -> o.number("firstMs")).toList());
        result.put("runs", runs);
        result.put("steps", (int) primed.get(0).number("steps"));
        result.put("primeMedianMs", Stats.of(primed.stream().map(o -> o.number("primeMs")).toList()).median());
        result.put("firstInvokeUnprimedMedianMs", without.median());
        result.put("firstInvokePrimedMedianMs", with.median());
        result.put("savedMedianMs", without.median() - with.median());
        result.put("secondInvokeUnprimedMedianMs", Stats.of(unprimed.stream().map(o -> o.number("secondMs")).toList()).median());
        result.put("secondInvokePrimedMedianMs", Stats.of(primed.stream().map(o -> o.number("secondMs")).toList()).median());
        result.put("partnerCallsCausedByPriming", (primedCalls - unprimedCalls) / runs);
        return result;
    }

    private static int calls(WireMockServer sandbox) {
        return sandbox.countRequestsMatching(WireMock.anyRequestedFor(WireMock.anyUrl()).build()).getCount();
    }

    private ChildJvm.Outcome once(Subject subject, boolean prime) {
        ChildJvm.Outcome outcome = jvm.run(subject.functionClasspath(), List.of(), "io.partnerlink.bench.host.PrimingHost",
                List.of(subject.fn().handlerClass(), subject.events("priming", 2).toString(), Boolean.toString(prime)),
                subject.env());
        Answers.require(outcome, subject.fn().name() + (prime ? " primed" : " unprimed") + " run");
        return outcome;
    }
}
