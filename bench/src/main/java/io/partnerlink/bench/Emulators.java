package io.partnerlink.bench;

import io.partnerlink.testsupport.LocalAws;
import com.github.tomakehurst.wiremock.WireMockServer;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the functions talk to, started once in the harness JVM: DynamoDB Local and moto (the shared test-jar's
 * {@link LocalAws}) and one WireMock sandbox per partner serving the project's own mappings
 * ({@code infra/local/sandboxes/<partner>}). Child JVMs reach them through the environment.
 */
final class Emulators implements AutoCloseable {

    static final String IDEMPOTENCY_TABLE = "bench-idempotency";

    private final Path root;
    private final LocalAws aws;
    private final Map<String, WireMockServer> sandboxes = new HashMap<>();

    Emulators(Path root) {
        this.root = root;
        this.aws = LocalAws.get();
        aws.createIdempotencyTable(IDEMPOTENCY_TABLE);
    }

    LocalAws aws() {
        return aws;
    }

    Path root() {
        return root;
    }

    /**
     * The sandbox of a partner, started on first use from its mappings directory: the test-jar's sandbox settings,
     * except that plain-text HTTP/2 is off. Real partners are HTTPS, where the HTTP version is settled by ALPN in
     * the TLS handshake; on plain http:// the JDK client instead sends an h2c upgrade request, and the connections
     * that WireMock upgrades were not reused (measured: hundreds of open connections during a warm run), a local
     * artefact that would make every partner call look like a new connection.
     */
    synchronized WireMockServer sandbox(String partner) {
        return sandboxes.computeIfAbsent(partner, p -> {
            WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                    .containerThreads(80).http2PlainDisabled(true).usingFilesUnderDirectory(sandboxDir(p).toString()));
            server.start();
            return server;
        });
    }

    /** The sandbox's base URL on the loopback address it is bound to. */
    String sandboxUrl(String partner) {
        return "http://127.0.0.1:" + sandbox(partner).port();
    }

    Path sandboxDir(String partner) {
        return root.resolve("infra/local/sandboxes").resolve(partner);
    }

    boolean hasSandbox(String partner) {
        return Files.isDirectory(sandboxDir(partner).resolve("mappings"));
    }

    /** The AWS part of a child's environment: region, dummy credentials and the emulators' endpoints. */
    Map<String, String> awsEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", "eu-north-1");
        env.put("AWS_DEFAULT_REGION", "eu-north-1");
        env.put("AWS_ACCESS_KEY_ID", "test"); // DynamoDB Local keeps tables per access key: the one LocalAws created them with
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_SESSION_TOKEN", "bench");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoDbEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.secretsManagerEndpoint().toString());
        env.put("IDEMPOTENCY_TABLE", IDEMPOTENCY_TABLE);
        env.put("LOG_LEVEL", "INFO");
        return env;
    }

    @Override
    public void close() {
        sandboxes.values().forEach(WireMockServer::stop);
    }
}
