package io.partnerlink.bench;

import io.partnerlink.bench.cases.Cases;
import io.partnerlink.bench.cases.FunctionCase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one benchmark command (run through {@code bench/run}): starts the emulators, measures every function whose
 * shaded jar and sandbox exist, and writes {@code bench/results/latest.md} and {@code latest.json}.
 * <p>
 * Options: {@code --runs N} cold starts per jar (default 10), {@code --only name,name}, {@code --quick}
 * (3 runs, 100 warm invocations, 500 sync clients: a smoke test of the harness, not a result), {@code --warm N}
 * warm invocations, {@code --sync-baseline} (also sync with the framework-free baseline: about 5 more minutes), {@code --sections cold,footprint,priming,warm,sync} (default all), {@code --profile DIR} (a JFR recording of every child JVM in DIR, to find what costs time).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Instant started = Instant.now();
        Path root = Path.of("").toAbsolutePath();
        Machine machine = Machine.detect();
        ChildJvm jvm = new ChildJvm(machine, options.profiles);
        Path work = Files.createTempDirectory("bench-");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "bench/run" + (args.length == 0 ? "" : " " + String.join(" ", args)));
        report.put("startedAt", started.toString());
        report.put("machine", machine.toMap());
        report.put("jvmFlags", ChildJvm.LAMBDA_FLAGS);
        Map<String, Object> functions = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        log("JDK for child JVMs: " + machine.javaVersion() + " at " + machine.javaHome());
        try (Emulators emulators = new Emulators(root)) {
            for (FunctionCase fn : Cases.all()) {
                if (!options.selected(fn.name())) {
                    continue;
                }
                String absent = Subjects.absence(fn, root, emulators);
                if (absent != null) {
                    log(fn.name() + ": skipped, " + absent);
                    missing.add(fn.name() + ": " + absent);
                    continue;
                }
                Subject subject = new Subject(fn, Subjects.environment(fn, emulators), fn.jar(root),
                        root.resolve("bench/target/baseline-lambda.jar"), root.resolve("bench/target/bench-host.jar"), work);
                Map<String, Object> result = new LinkedHashMap<>();
                if (options.section("cold")) {
                    section(result, "coldStart", fn.name() + ": cold start x" + options.runs,
                            () -> new ColdStart(jvm, options.runs).measure(subject));
                }
                if (options.section("footprint")) {
                    section(result, "footprint", fn.name() + ": footprint", () -> new Footprint(jvm).measure(subject));
                }
                if (options.section("priming")) {
                    section(result, "priming", fn.name() + ": SnapStart priming x" + options.primingRuns,
                            () -> new Priming(jvm, options.primingRuns, emulators).measure(subject));
                }
                if (fn.http() && options.section("warm")) {
                    section(result, "warm", fn.name() + ": warm x" + options.warm,
                            () -> new WarmOverhead(jvm, options.warmup, options.warm).measure(subject));
                }
                functions.put(fn.name(), result);
            }
            report.put("functions", functions);
            if (options.selected("sync-throughput") && options.section("sync")) {
                section(report, "syncThroughput", "sync throughput: " + options.syncClients + " clients",
                        () -> SyncThroughput.run(root, emulators, jvm, work, options.syncClients, options.syncBaseline));
            }
        }
        report.put("notMeasured", missing);
        report.put("elapsedSeconds", Duration.between(started, Instant.now()).toSeconds());
        Path results = root.resolve("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("latest.json"), Json.write(report));
        Files.writeString(results.resolve("latest.md"), Report.markdown(report));
        log("wrote bench/results/latest.md and latest.json in " + report.get("elapsedSeconds") + " s");
        System.out.print(Report.markdown(report));
        if (options.profiles == null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** Runs one benchmark; a failure is reported in its place instead of ending the whole run. */
    private static void section(Map<String, Object> result, String key, String title, Supplier<Map<String, Object>> benchmark) {
        log(title);
        try {
            result.put(key, benchmark.get());
        } catch (RuntimeException e) {
            log(title + " FAILED: " + e.getMessage());
            result.put(key, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    static void log(String message) {
        System.err.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    }

    private record Options(int runs, int primingRuns, int warmup, int warm, int syncClients, List<String> only, List<String> sections, Path profiles, boolean syncBaseline) {

        static Options parse(String[] args) throws IOException {
            int runs = 10;
            int primingRuns = 3;
            int warmup = 100;
            int warm = 1000;
            int syncClients = 10_000;
            List<String> only = List.of();
            Path profiles = null;
            List<String> sections = List.of();
            boolean syncBaseline = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--only" -> only = List.of(args[++i].split(","));
                    case "--sync-baseline" -> syncBaseline = true;
                    case "--sections" -> sections = List.of(args[++i].split(","));
                    case "--warm" -> warm = Integer.parseInt(args[++i]);
                    case "--profile" -> profiles = Files.createDirectories(Path.of(args[++i]).toAbsolutePath());
                    case "--quick" -> {
                        runs = 3;
                        primingRuns = 2;
                        warmup = 50;
                        warm = 100;
                        syncClients = 500;
                    }
                    default -> throw new IOException("unknown option " + args[i]);
                }
            }
            return new Options(runs, primingRuns, warmup, warm, syncClients, only, sections, profiles, syncBaseline);
        }

        boolean section(String name) {
            return sections.isEmpty() || sections.contains(name);
        }

        boolean selected(String name) {
            return only.isEmpty() || only.contains(name);
        }
    }
}
