package io.partnerlink.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * moto's server mode ({@code moto_server -H 127.0.0.1 -p PORT}) for the Secrets Manager API, as a child process
 * stopped when the JVM exits. Ready when {@code GET /moto-api/} answers.
 */
final class MotoServer {

    private final int port;
    private final Process process;

    private MotoServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static MotoServer start() {
        int port = Ports.free();
        File log = new File(System.getProperty("java.io.tmpdir"), "moto-" + port + ".log");
        Process process;
        try {
            process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log).start();
        } catch (IOException e) {
            throw new IllegalStateException("moto_server is not on the PATH. Install it with: pip install 'moto[server]'"
                    + " (or set AWS_ENDPOINT_URL to use LocalStack or AWS instead)", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "moto-stop"));
        MotoServer moto = new MotoServer(port, process);
        moto.awaitReady(Duration.ofSeconds(60), log);
        return moto;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitReady(Duration timeout, File log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited early (exit " + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            process.onExit().completeOnTimeout(null, 100, java.util.concurrent.TimeUnit.MILLISECONDS).join();
        }
        process.destroy();
        throw new IllegalStateException("moto_server did not answer within " + timeout + "; see " + log);
    }
}
