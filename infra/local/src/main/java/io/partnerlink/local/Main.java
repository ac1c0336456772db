package io.partnerlink.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerlink.local.auth.LocalAuthBanner;
import io.partnerlink.local.function.LocalFunction;
import io.partnerlink.local.template.FunctionSpec;
import io.partnerlink.local.template.HttpRoute;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code infra/local/start} runs this in the foreground: brings the runner up, prints where everything is,
 * and stops everything on Ctrl-C or SIGTERM (shutdown hook). Options: {@code --root DIR} (the repository),
 * {@code --env-vars FILE} (sam's format), {@code --lazy} (start function hosts on first use),
 * {@code --host 0.0.0.0} (listen on all interfaces, for containers; default 127.0.0.1).
 * Environment: {@code PORT} (default 3000), {@code AWS_REGION} (default eu-north-1).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        long started = Long.getLong("partnerlink.started", System.currentTimeMillis());
        Path root = Path.of(".");
        Path envVars = null;
        boolean eager = true;
        String host = RunnerOptions.LOOPBACK;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--env-vars" -> envVars = Path.of(args[++i]);
                case "--lazy" -> eager = false;
                case "--host" -> host = args[++i];
                default -> fail("unknown option " + args[i] + " (known: --root DIR, --env-vars FILE, --lazy, --host ADDRESS)", 64);
            }
        }
        int port = Integer.parseInt(Optional.ofNullable(System.getenv("PORT")).orElse("3000"));
        String region = Optional.ofNullable(System.getenv("AWS_REGION")).orElse("eu-north-1");
        // Only these two: the runner and the function hosts reach every part on 127.0.0.1, which 0.0.0.0 includes.
        if (!host.equals(RunnerOptions.LOOPBACK) && !host.equals("0.0.0.0")) {
            fail("--host is 127.0.0.1 (the default) or 0.0.0.0 (all interfaces, for containers), not " + host, 64);
        }
        RunnerOptions options = RunnerOptions.forRepository(root.toAbsolutePath().normalize(), port, region).withEager(eager)
                .withHost(host);
        String awsEndpoint = System.getenv("AWS_ENDPOINT_URL");
        if (awsEndpoint != null && !awsEndpoint.isBlank()) {
            options = options.withAwsEndpoint(URI.create(awsEndpoint));
        }
        if (envVars != null) {
            options = options.withEnvironmentOverrides(new ObjectMapper().readValue(envVars.toFile(), new TypeReference<>() { }));
        }
        if (!Files.exists(options.templateFile())) {
            fail(options.templateFile() + " not found: run from the repository root or pass --root", 66);
        }

        LocalRunner runner = LocalRunner.create(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopEverything = new Thread(() -> {
            Console.info("stopping: function hosts, sandboxes, emulators");
            runner.close();
            Console.info("stopped");
            stopped.countDown();
        }, "stop-everything");
        Runtime.getRuntime().addShutdownHook(stopEverything);
        try {
            runner.start();
        } catch (PortPlan.PortInUseException e) {
            runner.close();
            quietly(stopEverything);
            fail(e.getMessage(), 2);
        } catch (Exception e) {
            Console.error("start-up failed", e);
            runner.close();
            quietly(stopEverything);
            fail("start-up failed: " + e.getMessage(), 1);
        }
        banner(runner, options, (System.currentTimeMillis() - started) / 1000.0);
        stopped.await();
    }

    private static void banner(LocalRunner runner, RunnerOptions options, double seconds) {
        URI base = runner.baseUrl();
        StringBuilder b = new StringBuilder("\n");
        b.append(String.format("partnerlink is running locally (healthy %.1f s after start)%n%n", seconds));
        b.append(String.format("  API            %s   (GET /health, POST /_invoke/<FunctionLogicalId>)%n", base));
        if (options.allInterfaces()) {
            b.append(String.format("  Listening on all interfaces (--host 0.0.0.0): containers (sam local) reach these ports as%n"
                    + "  http://host.docker.internal:<port>; so can other machines on your network.%n"));
        }
        b.append(LocalAuthBanner.lines(runner.authorizer(), base, options.region()));
        for (LocalFunction f : runner.functions().values()) {
            FunctionSpec spec = f.spec();
            String triggers = String.join(", ", spec.routes().stream().map(HttpRoute::routeKey).toList());
            if (!spec.otherEvents().isEmpty()) {
                triggers += (triggers.isEmpty() ? "" : "; ") + String.join(", ", spec.otherEvents()) + " (use /_invoke)";
            }
            b.append(String.format("  %-26s %-9s %s%n", spec.logicalId(), f.state().name().toLowerCase(),
                    f.detail().isEmpty() ? triggers : f.detail()));
        }
        b.append(String.format("%n  DynamoDB       %s   tables: %s%n", runner.endpoints().dynamoDb(),
                String.join(", ", runner.template().tables().stream().map(t -> t.name()).toList())));
        b.append(String.format("  Secrets Mgr    %s   secrets: %s%n", runner.endpoints().moto(),
                String.join(", ", runner.template().secrets().stream().map(s -> s.name()).toList())));
        for (Map.Entry<String, URI> sandbox : runner.endpoints().sandboxes().entrySet()) {
            b.append(String.format("  sandbox %-6s %s   calls: %s/__admin/requests%n", sandbox.getKey(), sandbox.getValue(),
                    sandbox.getValue()));
        }
        b.append("\nTry:\n");
        b.append("  curl -s ").append(base).append("/health\n");
        runner.template().routes().stream().filter(r -> !r.path().contains("{") && !r.path().equals(HttpRoute.DEFAULT))
                .sorted((x, y) -> Boolean.compare(!x.method().equals("GET"), !y.method().equals("GET"))).findFirst()
                .ifPresent(r -> b.append("  curl -si ").append(LocalAuthBanner.curlOption(runner.authorizer(), options.region(), r.routeKey()))
                        .append(r.method().equals("GET") ? "" : "-X " + r.method() + " ")
                        .append(base).append(r.path()).append(r.method().equals("GET") ? "" : " -H 'Content-Type: application/json'"
                                + " -H \"Idempotency-Key: $(uuidgen)\" -d '{}'").append('\n'));
        runner.template().functions().stream().filter(f -> f.otherEvents().stream().anyMatch(e -> e.startsWith("Schedule")))
                .findFirst().or(() -> runner.template().functions().stream().findFirst())
                .ifPresent(f -> b.append("  curl -s -X POST ").append(base).append("/_invoke/").append(f.logicalId())
                        .append(" -d @infra/events/eventbridge-scheduled.json\n"));
        b.append("\nFunction logs appear below, prefixed with the function's name. Ctrl-C stops everything.\n");
        Console.plain(b.toString());
        if (options.port() != 0) {
            Console.info("ready");
        }
    }

    /** Nothing is left to stop: exit without the shutdown messages (unless a shutdown is under way already). */
    private static void quietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway; runner.close() is idempotent
        }
    }

    private static void fail(String message, int code) {
        System.err.println("error: " + message);
        System.exit(code);
    }
}
