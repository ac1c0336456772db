package io.partnerlink.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to run: {@code port} 0 takes free ports for everything (tests); any other port P puts DynamoDB Local on
 * P+1, moto on P+2 and the partner sandboxes on P+10, P+11, ... in alphabetical order, so their URLs stay the same
 * from run to run. {@code eager} starts every function host up front (else on its first request).
 * {@code archiveDir} keeps class-data-sharing archives for faster host starts (null: none).
 * {@code environmentOverrides} is sam's {@code --env-vars} format: {@code Parameters} for all, then per function.
 * {@code awsEndpoint} (e.g. LocalStack's http://localhost:4566) replaces DynamoDB Local and moto when set.
 * {@code host} is the address the API, DynamoDB Local, moto and the sandboxes listen on: 127.0.0.1, or 0.0.0.0 so
 * a container ({@code sam local}) reaches them through host.docker.internal. Function hosts stay on loopback.
 */
public record RunnerOptions(Path templateFile, Path sandboxesDir, Path secretsFile, int port, String region,
                            boolean eager, Path workDir, Path archiveDir,
                            Map<String, Map<String, String>> environmentOverrides, URI awsEndpoint, String host) {

    public static final String LOOPBACK = "127.0.0.1";

    public static final int DYNAMODB_OFFSET = 1;
    public static final int MOTO_OFFSET = 2;
    public static final int SANDBOX_OFFSET = 10;

    /** The layout of this repository: template.yaml at the root, the rest under infra/local. */
    public static RunnerOptions forRepository(Path root, int port, String region) {
        Path local = root.resolve("infra/local");
        return new RunnerOptions(root.resolve("template.yaml"), local.resolve("sandboxes"), local.resolve("secrets.json"),
                port, region, true, local.resolve("target/run"), local.resolve("target/cds"), Map.of(), null, LOOPBACK);
    }

    public RunnerOptions withTemplate(Path template) {
        return new RunnerOptions(template, sandboxesDir, secretsFile, port, region, eager, workDir, archiveDir, environmentOverrides, awsEndpoint, host);
    }

    public RunnerOptions withSandboxes(Path dir) {
        return new RunnerOptions(templateFile, dir, secretsFile, port, region, eager, workDir, archiveDir, environmentOverrides, awsEndpoint, host);
    }

    public RunnerOptions withWorkDir(Path dir, Path archives) {
        return new RunnerOptions(templateFile, sandboxesDir, secretsFile, port, region, eager, dir, archives, environmentOverrides, awsEndpoint, host);
    }

    public RunnerOptions withEager(boolean startAll) {
        return new RunnerOptions(templateFile, sandboxesDir, secretsFile, port, region, startAll, workDir, archiveDir, environmentOverrides, awsEndpoint, host);
    }

    public RunnerOptions withAwsEndpoint(URI endpoint) {
        return new RunnerOptions(templateFile, sandboxesDir, secretsFile, port, region, eager, workDir, archiveDir, environmentOverrides, endpoint, host);
    }

    public RunnerOptions withEnvironmentOverrides(Map<String, Map<String, String>> overrides) {
        return new RunnerOptions(templateFile, sandboxesDir, secretsFile, port, region, eager, workDir, archiveDir, overrides, awsEndpoint, host);
    }

    public RunnerOptions withHost(String address) {
        return new RunnerOptions(templateFile, sandboxesDir, secretsFile, port, region, eager, workDir, archiveDir, environmentOverrides, awsEndpoint, address);
    }

    /** Whether the parts listen beyond this machine (any address other than loopback). */
    public boolean allInterfaces() {
        return !host.equals(LOOPBACK);
    }
}
