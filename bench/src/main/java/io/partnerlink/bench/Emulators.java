package io.partnerlink.bench;

import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;

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
    private final Map<String, PartnerSandbox> sandboxes = new HashMap<>();

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

    /** The sandbox of a partner, started on first use from its mappings directory. */
    synchronized PartnerSandbox sandbox(String partner) {
        return sandboxes.computeIfAbsent(partner, p -> PartnerSandbox.fromMappings(sandboxDir(p)));
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
        sandboxes.values().forEach(PartnerSandbox::close);
    }
}
