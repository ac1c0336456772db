package io.partnerlink.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A partner stand-in: WireMock on a free loopback port, for stubs written from the specs, fault injection and
 * counting the calls a test caused. {@link #fromMappings} serves the same mappings as the local runner.
 */
public final class PartnerSandbox implements AutoCloseable {

    private final WireMockServer server;

    private PartnerSandbox(WireMockServer server) {
        this.server = server;
        server.start();
    }

    public static PartnerSandbox start() {
        return new PartnerSandbox(new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(80)));
    }

    /** Serves the mappings under {@code dir/mappings} (and bodies under {@code dir/__files}). */
    public static PartnerSandbox fromMappings(Path dir) {
        return new PartnerSandbox(new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(80).usingFilesUnderDirectory(dir.toString())));
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public WireMockServer wireMock() {
        return server;
    }

    public int count(RequestPatternBuilder pattern) {
        return server.countRequestsMatching(pattern.build()).getCount();
    }

    public void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }
}
