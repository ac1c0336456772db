package io.partnerlink.local.function;

import io.partnerlink.local.Console;
import io.partnerlink.local.Processes;
import io.partnerlink.local.host.FunctionHost;
import io.partnerlink.local.template.FunctionSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One running function host: a child JVM with the function's environment and classpath. Its output is the
 * function's log, forwarded line by line to the runner's console under the function's name.
 */
final class FunctionInstance implements AutoCloseable {

    private final String functionId;
    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final long codeStamp;
    private final long launched = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicBoolean announced = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile String failure;
    private volatile boolean closing;

    private FunctionInstance(String functionId, Process process, long codeStamp) {
        this.functionId = functionId;
        this.process = process;
        this.codeStamp = codeStamp;
    }

    static FunctionInstance launch(FunctionSpec spec, Map<String, String> environment, HostClasspath classpath,
                                   Path archiveDir, long codeStamp) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(classpath.java().toString());
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx" + Math.max(64, spec.memoryMb() * 3 / 4) + "m");
        command.add("-Duser.timezone=UTC");
        if (archiveDir != null) {
            // Class data sharing, created on the first run: later cold starts load classes from the archive.
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + archiveDir.resolve(spec.logicalId() + ".jsa"));
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
        }
        command.add("-cp");
        command.add(classpath.of(spec.code()));
        command.add(FunctionHost.class.getName());
        command.add(spec.handler());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        FunctionInstance instance = new FunctionInstance(spec.logicalId(), builder.start(), codeStamp);
        Thread reader = new Thread(instance::forwardOutput, "log-" + spec.logicalId());
        reader.setDaemon(true);
        reader.start();
        return instance;
    }

    private void forwardOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(FunctionHost.READY)) {
                    port.complete(Integer.parseInt(line.substring(FunctionHost.READY.length()).trim()));
                } else if (line.startsWith(FunctionHost.FAILED)) {
                    failure = line.substring(FunctionHost.FAILED.length());
                } else if (!line.startsWith("Picked up JAVA_TOOL_OPTIONS")) {
                    Console.function(functionId, line);
                }
            }
        } catch (IOException streamClosed) {
            // the process is gone; handled below
        }
        int exit = process.onExit().join().exitValue();
        if (!port.isDone()) {
            port.completeExceptionally(new IllegalStateException(failure != null ? failure
                    : "the function host exited with code " + exit + " before it was ready"));
        } else if (!closing) {
            Console.warn(functionId + ": the function host exited with code " + exit + "; the next request starts a new one");
        }
    }

    /** The host's port once the handler is constructed; fails with the reason when it could not be. */
    CompletableFuture<Integer> ready() {
        return port;
    }

    /** Logs the cold start once, when the first caller sees the host ready. */
    void announceReady() {
        if (announced.compareAndSet(false, true)) {
            Console.info(String.format("%s: cold start done, handler constructed in %.1f s (pid %d)",
                    functionId, (System.nanoTime() - launched) / 1e9, process.pid()));
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long codeStamp() {
        return codeStamp;
    }

    long pid() {
        return process.pid();
    }

    /** Closes its standard input (the host exits by itself), then terminates it if it lingers, then kills it. */
    @Override
    public void close() {
        closing = true;
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // the host is gone already
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                Processes.stop(process, Duration.ofSeconds(3));
            }
        } catch (InterruptedException e) {
            Processes.stop(process, Duration.ZERO);
            Thread.currentThread().interrupt();
        }
    }
}
