package io.partnerlink.local.aws;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import io.partnerlink.local.Processes;

import java.util.concurrent.TimeUnit;

/**
 * {@code moto_server} on loopback, a child process serving Secrets Manager (and most other AWS APIs).
 * Ready when {@code GET /moto-api/} answers; its output goes to a log file, not the console.
 */
public final class MotoServer implements AutoCloseable {

    private final int port;
    private final Process process;

    private MotoServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static MotoServer start(int port, Path log, Duration timeout) throws IOException {
        return start("127.0.0.1", port, log, timeout);
    }

    /** On {@code host} (0.0.0.0 for containers); the runner itself still calls it on loopback. */
    public static MotoServer start(String host, int port, Path log, Duration timeout) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder("moto_server", "-H", host, "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("moto_server is not on the PATH: install it with pip install 'moto[server]'", e);
        }
        MotoServer moto = new MotoServer(port, process);
        try {
            moto.awaitReady(timeout, log.toFile());
        } catch (IOException | RuntimeException e) {
            moto.close();
            throw e;
        }
        return moto;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady(Duration timeout, File log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(endpoint().resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // retry below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for moto_server", e);
            }
            process.onExit().completeOnTimeout(null, 100, TimeUnit.MILLISECONDS).join();
        }
        throw new IOException("moto_server did not answer within " + timeout.toSeconds() + " s; see " + log);
    }

    /** SIGTERM to moto and anything it started, then SIGKILL for what is left after 5 s. */
    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(5));
    }
}
