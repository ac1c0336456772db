package io.partnerlink.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** latest.md: the tables of one run, with the command, the machine and the targets next to the figures. */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        Map<String, Map<String, Object>> functions = (Map<String, Map<String, Object>>) report.get("functions");
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        md.append("Command: `").append(report.get("command")).append("` (from the repository root), started ")
                .append(report.get("startedAt")).append(", took ").append(report.get("elapsedSeconds")).append(" s.  \n");
        md.append("Machine: ").append(machine.get("nproc")).append(" CPUs (`nproc`), ").append(machine.get("cpu"))
                .append(", ").append(machine.get("memory")).append(", ").append(machine.get("os")).append(".  \n");
        md.append("Child JVMs: JDK ").append(machine.get("jdk")).append(", flags `")
                .append(String.join(" ", (List<String>) report.get("jvmFlags"))).append("`.\n\n");

        md.append("## Cold start: JVM spawn to first response (target: function <= 1.5x baseline)\n\n");
        md.append("| function | runs | median ms | min ms | baseline median ms | baseline min ms | ratio (medians) | RSS MB fn / baseline | fn init / first invoke ms |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        functions.forEach((name, r) -> {
            Map<String, Object> c = (Map<String, Object>) r.get("coldStart");
            if (failed(md, name, c)) {
                return;
            }
            md.append(row(name, c.get("runs"), f0(c, "functionMedianMs"), f0(c, "functionMinMs"), f0(c, "baselineMedianMs"),
                    f0(c, "baselineMinMs"), f2(c, "ratioMedian") + "x", f0(c, "functionRssMedianMb") + " / " + f0(c, "baselineRssMedianMb"),
                    f0(c, "functionInitMedianMs") + " / " + f0(c, "functionFirstInvokeMedianMs")));
        });

        md.append("\n## SnapStart priming (stand-in: first invocation after init, with and without priming)\n\n");
        md.append("| function | runs | steps | priming ms | 1st invocation unprimed ms | 1st invocation primed ms | saved ms | 2nd invocation ms (unprimed / primed) | partner calls caused by priming |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        functions.forEach((name, r) -> {
            Map<String, Object> p = (Map<String, Object>) r.get("priming");
            if (failed(md, name, p)) {
                return;
            }
            md.append(row(name, p.get("runs"), p.get("steps"), f0(p, "primeMedianMs"), f0(p, "firstInvokeUnprimedMedianMs"),
                    f0(p, "firstInvokePrimedMedianMs"), f0(p, "savedMedianMs"),
                    f1(p, "secondInvokeUnprimedMedianMs") + " / " + f1(p, "secondInvokePrimedMedianMs"), p.get("partnerCallsCausedByPriming")));
        });

        md.append("\n## Warm overhead per HTTP function (target: p50 <= 1.2x the raw calls)\n\n");
        md.append("| function | invocations | p50 ms | p99 ms | raw calls p50 ms | raw calls p99 ms | ratio (p50) |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        functions.forEach((name, r) -> {
            Map<String, Object> w = (Map<String, Object>) r.get("warm");
            if (!failed(md, name, w)) {
                md.append(row(name, w.get("invocations"), f2(w, "functionP50Ms"), f2(w, "functionP99Ms"), f2(w, "rawP50Ms"),
                        f2(w, "rawP99Ms"), f2(w, "ratioP50") + "x"));
            }
        });

        Map<String, Object> sync = (Map<String, Object>) report.get("syncThroughput");
        md.append("\n## Sync throughput (target: >= 80 % of the bound; second run writes nothing)\n\n");
        if (sync == null || sync.containsKey("notMeasured") || sync.containsKey("error")) {
            md.append("Not measured: ").append(sync == null ? "not selected" : sync.getOrDefault("notMeasured", sync.get("error"))).append("\n");
        } else {
            md.append("| clients x coupons | sandbox latency | concurrency | partner calls per client | bound clients/s | 1st run (empty table) s, clients/s | 2nd run s, clients/s | % of bound (2nd run) | baseline 2nd run clients/s | writes (1st run) | writes (2nd run) |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            md.append(row(sync.get("clients") + " x " + sync.get("couponsPerClient"), sync.get("latencyMs") + " ms",
                    sync.get("concurrency"), sync.get("callsPerClient"), f0(sync, "boundClientsPerSecond"),
                    f1(sync, "firstRunSeconds") + " s, " + f0(sync, "firstRunClientsPerSecond"),
                    f1(sync, "secondRunSeconds") + " s, " + f0(sync, "clientsPerSecond"),
                    f0(sync, "percentOfBound") + " %",
                    sync.containsKey("baselineClientsPerSecond") ? f0(sync, "baselineClientsPerSecond") : "not run (--sync-baseline)", sync.get("firstRunWrites"), sync.get("secondRunWrites")));
        }

        md.append("\n## Footprint (target: jar <= 15 MB)\n\n");
        md.append("| function | shaded jar MB | classes loaded at first response | baseline classes | by library (function) |\n");
        md.append("|---|---|---|---|---|\n");
        functions.forEach((name, r) -> {
            Map<String, Object> fp = (Map<String, Object>) r.get("footprint");
            if (failed(md, name, fp)) {
                return;
            }
            Map<String, Object> libs = (Map<String, Object>) fp.get("classesByLibrary");
            String byLibrary = libs.entrySet().stream().filter(e -> !e.getKey().equals("total"))
                    .sorted((a, b) -> Integer.compare(((Number) b.getValue()).intValue(), ((Number) a.getValue()).intValue()))
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            md.append(row(name, f1(fp, "jarMb"), fp.get("classes"), fp.get("baselineClasses"), byLibrary));
        });

        List<String> missing = (List<String>) report.get("notMeasured");
        if (missing != null && !missing.isEmpty()) {
            md.append("\n## Not measured\n\n");
            missing.forEach(m -> md.append("- ").append(m).append('\n'));
        }
        md.append("\nWhat each figure means and how it is measured: `bench/README.md`.\n");
        return md.toString();
    }

    /** A row saying the benchmark failed (and why), for a section that reported an error. */
    private static boolean failed(StringBuilder md, String name, Map<String, Object> section) {
        if (section == null) {
            return true; // not selected in this run
        }
        if (section.containsKey("error")) {
            String why = String.valueOf(section.get("error")).lines().findFirst().orElse("");
            md.append(row(name, "failed: " + why.replace("|", "\\|")));
            return true;
        }
        return false;
    }

    private static String row(Object... cells) {
        return "| " + java.util.Arrays.stream(cells).map(String::valueOf).collect(Collectors.joining(" | ")) + " |\n";
    }

    private static String f0(Map<String, Object> m, String key) {
        return String.format(Locale.ROOT, "%.0f", ((Number) m.get(key)).doubleValue());
    }

    private static String f1(Map<String, Object> m, String key) {
        return String.format(Locale.ROOT, "%.1f", ((Number) m.get(key)).doubleValue());
    }

    private static String f2(Map<String, Object> m, String key) {
        return String.format(Locale.ROOT, "%.2f", ((Number) m.get(key)).doubleValue());
    }
}
