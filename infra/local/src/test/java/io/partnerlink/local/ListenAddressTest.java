package io.partnerlink.local;

import io.partnerlink.local.template.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --host}: by default the API, DynamoDB Local, moto and the sandboxes answer on loopback only; with
 * 0.0.0.0 they answer on this machine's other addresses too, which is how a container reaches them through
 * host.docker.internal. Checked from this machine's own non-loopback address (skipped on a machine without one).
 */
class ListenAddressTest {

    @TempDir
    Path work;

    @Test
    void everyPartListensWhereTheHostOptionSays() throws Exception {
        Optional<InetAddress> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this machine has no non-loopback IPv4 address");
        for (String host : List.of(RunnerOptions.LOOPBACK, "0.0.0.0")) {
            try (LocalRunner runner = LocalRunner.create(options(host), fixtureFunctions()).start()) {
                List<Integer> ports = new ArrayList<>(List.of(runner.baseUrl().getPort(), runner.endpoints().dynamoDb().getPort(),
                        runner.endpoints().moto().getPort()));
                runner.endpoints().sandboxes().values().forEach(url -> ports.add(url.getPort()));
                for (int port : ports) {
                    assertTrue(reachable(InetAddress.getLoopbackAddress(), port), "port " + port + " on loopback");
                    assertEquals(host.equals("0.0.0.0"), reachable(outside.get(), port),
                            "port " + port + " on " + outside.get() + " with --host " + host);
                }
                if (host.equals("0.0.0.0")) {
                    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://" + outside.get().getHostAddress() + ":" + runner.baseUrl().getPort() + "/health"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, health.statusCode());
                }
            }
        }
    }

    private RunnerOptions options(String host) {
        return RunnerOptions.forRepository(LocalRunnerTest.ROOT, 0, "eu-north-1").withEager(false).withHost(host)
                .withSandboxes(fixture().getParent().resolve("sandboxes")).withWorkDir(work, null);
    }

    private SamTemplate fixtureFunctions() throws Exception {
        SamTemplate real = SamTemplate.load(LocalRunnerTest.ROOT.resolve("template.yaml"), "eu-north-1");
        SamTemplate functions = SamTemplate.load(fixture(), "eu-north-1");
        return new SamTemplate(real.file(), real.tables(), real.secrets(), functions.functions(), List.of());
    }

    private Path fixture() {
        try {
            return Path.of(getClass().getResource("/fixture/template.yaml").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> {
            try {
                return i.isUp() && !i.isLoopback();
            } catch (IOException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
    }
}
