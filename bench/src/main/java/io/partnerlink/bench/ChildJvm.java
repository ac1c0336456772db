package io.partnerlink.bench;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM started the way the Lambda java21 runtime starts one for a 512 MB function. The runtime's launcher
 * sizes the JVM as 85 % heap, 10 % metaspace, 5 % code cache of the function's memory, uses the serial collector
 * and the default CDS archive; the template adds {@code -XX:TieredStopAtLevel=1} (also the java17+ default). No
 * {@code -Xms}: the runtime sets none. The environment is cleared and set like Lambda's.
 */
final class ChildJvm {

    static final List<String> LAMBDA_FLAGS = List.of(
            "-XX:MaxHeapSize=445645k", "-XX:MaxMetaspaceSize=52429k", "-XX:ReservedCodeCacheSize=26214k",
            "-XX:+UseSerialGC", "-Xshare:auto", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-Djava.net.preferIPv4Stack=true");

    /** What a child reported: spawn → its BENCH line (ms, measured here), the line's JSON, and its whole output. */
    record Outcome(double wallMs, JsonNode report, List<String> output) {

        double number(String field) {
            return Double.parseDouble(report.field(field).orElseThrow(() -> new IllegalStateException("no " + field + " in " + output)).asNumber());
        }

        String text(String field) {
            return report.field(field).map(JsonNode::text).orElse("");
        }
    }

    private static final long TIMEOUT_SECONDS = 300;

    private final Machine machine;
    private final Path profiles;
    private int profiled;

    /** @param profiles where to write a JFR recording of every child (null: no recording, the default) */
    ChildJvm(Machine machine, Path profiles) {
        this.machine = machine;
        this.profiles = profiles;
    }

    Outcome run(List<Path> classpath, List<String> extraFlags, String main, List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(machine.java().toString());
        command.addAll(LAMBDA_FLAGS);
        command.addAll(extraFlags);
        // For investigations only (for example -Xlog:class+load:file=/tmp/cl-%p.log:uptime); never set by bench/run.
        String investigation = System.getenv().getOrDefault("BENCH_CHILD_FLAGS", "").trim();
        if (!investigation.isEmpty()) {
            command.addAll(List.of(investigation.split("\\s+")));
        }
        if (profiles != null) {
            command.add("-XX:StartFlightRecording=settings=profile,filename="
                    + profiles.resolve(main.substring(main.lastIndexOf('.') + 1) + "-" + (++profiled) + ".jfr")
                    + System.getenv().getOrDefault("BENCH_JFR_EXTRA", ""));
        }
        command.add("-cp");
        command.add(String.join(":", classpath.stream().map(Path::toString).toList()));
        command.add(main);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        builder.environment().put("TZ", ":UTC");
        builder.environment().put("LANG", "en_US.UTF-8");
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        builder.environment().put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        builder.environment().putAll(env);
        List<String> output = new ArrayList<>();
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command.get(0), e);
        }
        // A hung child must not hang the run: it is killed after the timeout, which ends the read below.
        Process child = process;
        java.util.concurrent.CompletableFuture.delayedExecutor(TIMEOUT_SECONDS, TimeUnit.SECONDS).execute(() -> {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        });
        double wallMs = -1;
        String report = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (report == null && line.startsWith("BENCH ")) {
                    wallMs = (System.nanoTime() - start) / 1e6;
                    report = line.substring("BENCH ".length());
                } else if (output.size() < 400) {
                    output.add(line);
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading the child's output failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
        if (report == null) {
            throw new IllegalStateException("the child JVM (" + main + " " + args + ") reported nothing; exit "
                    + process.exitValue() + "; last output:\n" + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())));
        }
        return new Outcome(wallMs, JsonNode.parser().parse(report), output);
    }
}
