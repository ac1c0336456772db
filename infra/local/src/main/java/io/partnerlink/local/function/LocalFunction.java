package io.partnerlink.local.function;

import io.partnerlink.local.Console;
import io.partnerlink.local.host.FunctionHost;
import io.partnerlink.local.template.FunctionSpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A function as Lambda runs it: a host JVM started on demand (or up front), replaced when it died, timed out or
 * its jar was rebuilt (a new "cold start"), and invoked with the function's timeout as the deadline.
 */
public final class LocalFunction implements AutoCloseable {

    public enum State { NOT_STARTED, STARTING, READY, FAILED, NOT_BUILT, STOPPED }

    /** Cold starts of four JVMs share two cores here; Lambda's own init limit (10 s) would be too tight. */
    private static final Duration INIT_TIMEOUT = Duration.ofSeconds(90);

    private final FunctionSpec spec;
    private final Map<String, String> environment;
    private final HostClasspath classpath;
    private final Path archiveDir;
    private final HttpClient http;
    private FunctionInstance instance;
    private boolean stopped;
    private volatile State state = State.NOT_STARTED;
    private volatile String detail = "";

    public LocalFunction(FunctionSpec spec, Map<String, String> environment, HostClasspath classpath, Path archiveDir,
                         HttpClient http) {
        this.spec = spec;
        this.environment = environment;
        this.classpath = classpath;
        this.archiveDir = archiveDir;
        this.http = http;
    }

    public FunctionSpec spec() {
        return spec;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public State state() {
        return state;
    }

    /** Why the function is not ready (empty when it is). */
    public String detail() {
        return detail;
    }

    /** Starts the host now and waits until it is ready or has failed (see {@link #state()}). */
    public void warmUp() {
        try {
            port();
        } catch (Unavailable e) {
            // state and detail tell why
        }
    }

    public InvokeResult invoke(byte[] event, String requestId) {
        long started = System.nanoTime();
        int port;
        try {
            port = port();
        } catch (Unavailable e) {
            return InvokeResult.unavailable(e.getMessage());
        }
        Duration timeout = Duration.ofSeconds(spec.timeoutSeconds());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invoke"))
                .timeout(timeout)
                .header(FunctionHost.REQUEST_ID, requestId)
                .header(FunctionHost.DEADLINE, Long.toString(System.currentTimeMillis() + timeout.toMillis()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            return response.statusCode() == 200
                    ? InvokeResult.ok(response.body(), millis)
                    : InvokeResult.error(response.headers().firstValue(FunctionHost.FUNCTION_ERROR).orElse("Unhandled"), millis);
        } catch (HttpTimeoutException e) {
            // Lambda discards an instance that timed out; so do we.
            replace("timed out after " + spec.timeoutSeconds() + " s");
            return InvokeResult.timeout(spec.timeoutSeconds());
        } catch (IOException e) {
            replace("its host stopped answering");
            return InvokeResult.error("the function host crashed (" + e.getClass().getSimpleName() + ")",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvokeResult.unavailable("the runner is stopping");
        }
    }

    private int port() throws Unavailable {
        FunctionInstance current;
        synchronized (this) {
            if (stopped) {
                throw new Unavailable("the runner is stopping");
            }
            long stamp = codeStamp();
            if (stamp < 0) {
                state = State.NOT_BUILT;
                detail = spec.code() == null ? "its CodeUri is not a local path"
                        : spec.code() + " is missing: build it with ./mvnw -DskipTests package";
                throw new Unavailable(detail);
            }
            if (instance == null || !instance.alive() || instance.codeStamp() != stamp) {
                if (instance != null) {
                    instance.close();
                }
                state = State.STARTING;
                try {
                    instance = FunctionInstance.launch(spec, environment, classpath, archiveDir, stamp);
                } catch (IOException e) {
                    state = State.FAILED;
                    detail = "cannot start java: " + e.getMessage();
                    throw new Unavailable(detail);
                }
            }
            current = instance;
        }
        try {
            int port = current.ready().get(INIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            current.announceReady();
            state = State.READY;
            detail = "";
            return port;
        } catch (ExecutionException | TimeoutException e) {
            String reason = e instanceof TimeoutException ? "not ready within " + INIT_TIMEOUT.toSeconds() + " s"
                    : e.getCause().getMessage();
            synchronized (this) {
                if (instance == current) {
                    instance = null;
                }
            }
            current.close();
            state = State.FAILED;
            detail = "init failed: " + reason;
            Console.warn(spec.logicalId() + ": " + detail);
            throw new Unavailable(detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("the runner is stopping");
        }
    }

    private void replace(String why) {
        FunctionInstance gone;
        synchronized (this) {
            gone = instance;
            instance = null;
        }
        if (gone != null) {
            Console.warn(spec.logicalId() + ": " + why + "; stopping its host, the next request starts a new one");
            gone.close();
        }
    }

    private long codeStamp() {
        try {
            return spec.code() == null || !Files.exists(spec.code()) ? -1
                    : Files.getLastModifiedTime(spec.code()).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The host's process id while it runs (for tests and the health page), else -1. */
    public synchronized long pid() {
        return instance != null && instance.alive() ? instance.pid() : -1;
    }

    @Override
    public void close() {
        FunctionInstance last;
        synchronized (this) {
            stopped = true;
            last = instance;
            instance = null;
        }
        if (last != null) {
            last.close();
        }
        state = State.STOPPED;
    }

    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
