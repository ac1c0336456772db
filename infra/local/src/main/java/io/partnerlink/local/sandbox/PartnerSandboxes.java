package io.partnerlink.local.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server per partner, serving the plain WireMock mappings under {@code sandboxes/<partner>/}
 * (the same folder layout stock WireMock reads with {@code --root-dir}). A partner that a function's
 * {@code <PARTNER>_BASE_URL} names but that has no folder yet still gets an (empty) sandbox: a local run never
 * calls a real partner. WireMock's admin API ({@code /__admin}) stays on, to inspect the calls.
 */
public final class PartnerSandboxes implements AutoCloseable {

    private final Map<String, WireMockServer> servers;

    private PartnerSandboxes(Map<String, WireMockServer> servers) {
        this.servers = servers;
    }

    /** The partners to serve: every folder under {@code root}, plus {@code named}; sorted, so ports are stable. */
    public static List<String> partners(Path root, Collection<String> named) throws IOException {
        TreeSet<String> partners = new TreeSet<>(named);
        if (Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                        .filter(name -> !name.startsWith(".")).forEach(partners::add);
            }
        }
        return List.copyOf(partners);
    }

    /** Starts one server per partner on {@code ports} (same order; 0 for a free port). */
    public static PartnerSandboxes start(Path root, List<String> partners, List<Integer> ports) throws IOException {
        return start(root, partners, ports, "127.0.0.1");
    }

    /** The same, listening on {@code host} (0.0.0.0 for containers). */
    public static PartnerSandboxes start(Path root, List<String> partners, List<Integer> ports, String host) throws IOException {
        Map<String, WireMockServer> servers = new LinkedHashMap<>();
        PartnerSandboxes sandboxes = new PartnerSandboxes(servers);
        try {
            for (int i = 0; i < partners.size(); i++) {
                Path dir = root.resolve(partners.get(i));
                if (!Files.isDirectory(dir)) {
                    // No mappings yet: an empty sandbox answers 404 to everything (and says no stub matched).
                    dir = Files.createTempDirectory("partnerlink-sandbox-" + partners.get(i));
                    dir.toFile().deleteOnExit();
                }
                WireMockServer server = new WireMockServer(options()
                        .bindAddress(host).port(ports.get(i))
                        .usingFilesUnderDirectory(dir.toString())
                        .notifier(new ConsoleNotifier(false)));
                servers.put(partners.get(i), server);
                server.start();
            }
        } catch (RuntimeException e) {
            sandboxes.close();
            throw e;
        }
        return sandboxes;
    }

    public Map<String, URI> urls() {
        Map<String, URI> urls = new LinkedHashMap<>();
        servers.forEach((partner, server) -> urls.put(partner, URI.create(server.baseUrl())));
        return urls;
    }

    public int mappingCount(String partner) {
        return servers.get(partner).getStubMappings().size();
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (WireMockServer server : servers.values()) {
            try {
                if (server.isRunning()) {
                    server.stop();
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
