package io.partnerlink.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerlink.local.aws.DynamoDbLocalServer;
import io.partnerlink.local.aws.LocalResources;
import io.partnerlink.local.auth.LocalAuthorizer;
import io.partnerlink.local.aws.MotoServer;
import io.partnerlink.local.function.FunctionEnvironment;
import io.partnerlink.local.function.HostClasspath;
import io.partnerlink.local.function.LocalEndpoints;
import io.partnerlink.local.function.LocalFunction;
import io.partnerlink.local.http.ApiGatewayEvents;
import io.partnerlink.local.http.FrontServer;
import io.partnerlink.local.http.HttpAnswer;
import io.partnerlink.local.http.RouteTable;
import io.partnerlink.local.sandbox.PartnerSandboxes;
import io.partnerlink.local.template.FunctionSpec;
import io.partnerlink.local.template.SamTemplate;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The runner's core: the emulators, the partner sandboxes, the function hosts and the front server, started
 * from the template, in parallel where they do not depend on each other, and stopped in reverse.
 * {@link #close()} is safe at any point, also halfway through {@link #start()} (Ctrl-C during start-up).
 */
public final class LocalRunner implements AutoCloseable {

    private final RunnerOptions options;
    private final SamTemplate template;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService starter = Executors.newFixedThreadPool(6);
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();
    private volatile boolean up;
    private volatile boolean closed;
    private LocalEndpoints endpoints;
    private FrontServer front;
    private LocalAuthorizer authorizer;

    private LocalRunner(RunnerOptions options, SamTemplate template) {
        this.options = options;
        this.template = template;
    }

    /** A runner for {@code template}; {@link #start()} brings it up. */
    public static LocalRunner create(RunnerOptions options, SamTemplate template) {
        return new LocalRunner(options, template);
    }

    public static LocalRunner create(RunnerOptions options) throws Exception {
        return new LocalRunner(options, SamTemplate.load(options.templateFile(), options.region()));
    }

    public LocalRunner start() throws Exception {
        long t0 = System.nanoTime();
        template.warnings().forEach(w -> Console.warn("template: " + w));
        List<String> partners = PartnerSandboxes.partners(options.sandboxesDir(), template.functions().stream()
                .flatMap(f -> f.environment().keySet().stream())
                .flatMap(v -> FunctionEnvironment.partnerOf(v).stream()).toList());
        PortPlan ports = PortPlan.of(options.port(), partners);
        InetAddress host = InetAddress.getByName(options.host());
        ports.checkFree(options.awsEndpoint() == null, host);
        Map<String, URI> sandboxUrls = new LinkedHashMap<>();
        for (int i = 0; i < partners.size(); i++) {
            sandboxUrls.put(partners.get(i), loopback(ports.sandboxes().get(i)));
        }
        URI external = options.awsEndpoint();
        endpoints = external != null ? new LocalEndpoints(external, external, sandboxUrls, options.region())
                : new LocalEndpoints(loopback(ports.dynamoDb()), loopback(ports.moto()), sandboxUrls, options.region());
        Files.createDirectories(options.workDir());
        if (options.archiveDir() != null) {
            Files.createDirectories(options.archiveDir());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HostClasspath classpath = HostClasspath.ofThisJvm();
        for (FunctionSpec spec : template.functions()) {
            Map<String, String> overrides = new HashMap<>(options.environmentOverrides().getOrDefault("Parameters", Map.of()));
            overrides.putAll(options.environmentOverrides().getOrDefault(spec.logicalId(), Map.of()));
            functions.put(spec.logicalId(), new LocalFunction(spec, FunctionEnvironment.of(spec, endpoints, overrides),
                    classpath, options.archiveDir(), http));
        }
        authorizer = LocalAuthorizer.forTemplate(template.file(), options.region(), System.getenv());
        front = new FrontServer(host, ports.front(), new RouteTable(template.routes()), functions, new ApiGatewayEvents(json), this::health,
                authorizer);
        remember(front);
        front.start();

        // Function hosts take longest (a JVM and a Micronaut context each) and need nothing else to construct.
        List<CompletableFuture<Void>> warmUps = options.eager()
                ? functions.values().stream().map(f -> CompletableFuture.runAsync(f::warmUp, starter)).toList() : List.of();
        try {
            CompletableFuture<MotoServer> moto = external != null ? null : launch(() ->
                    MotoServer.start(options.host(), ports.moto(), options.workDir().resolve("moto.log"), Duration.ofSeconds(60)));
            CompletableFuture<PartnerSandboxes> sandboxes = launch(() ->
                    PartnerSandboxes.start(options.sandboxesDir(), partners, ports.sandboxes(), options.host()));
            CompletableFuture<DynamoDbLocalServer> dynamoDb = external != null ? null
                    : launch(() -> DynamoDbLocalServer.start(ports.dynamoDb(), options.host()));
            LocalResources resources = resources();
            joinUnwrapped(sandboxes);
            Console.info("partner sandboxes up: " + String.join(", ", partners) + since(t0));
            if (external != null) {
                Console.info("AWS APIs at " + external + " (AWS_ENDPOINT_URL) instead of DynamoDB Local and moto_server");
            } else {
                joinUnwrapped(dynamoDb);
            }
            Console.info("tables: " + resources.createTables(template.tables()) + since(t0));
            if (moto != null) {
                joinUnwrapped(moto);
            }
            Console.info("secrets: " + resources.createSecrets(template.secrets(), demoSecrets(), json) + since(t0));
            warmUps.forEach(CompletableFuture::join);
            if (!warmUps.isEmpty()) {
                Console.info("function hosts started" + since(t0));
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        up = !closed;
        return this;
    }

    private static String since(long t0) {
        return String.format(" (%.1f s)", (System.nanoTime() - t0) / 1e9);
    }

    private JsonNode demoSecrets() throws Exception {
        return Files.exists(options.secretsFile()) ? json.readTree(options.secretsFile().toFile()) : json.createObjectNode();
    }

    private synchronized void remember(AutoCloseable component) throws Exception {
        if (closed) {
            component.close();
            throw new IllegalStateException("the runner is stopping");
        }
        started.add(component);
    }

    /**
     * Starts a component in the background. Whatever happens, {@link #close()} stops it: if it is still starting
     * then, close waits for it first, so nothing started late is left running.
     */
    private <T extends AutoCloseable> CompletableFuture<T> launch(Step<T> step) throws Exception {
        CompletableFuture<T> component = CompletableFuture.supplyAsync(() -> unchecked(step), starter);
        remember(() -> {
            T started = component.exceptionally(failed -> null).join();
            if (started != null) {
                started.close();
            }
        });
        return component;
    }

    private HttpAnswer health() {
        ObjectNode body = json.createObjectNode();
        body.put("status", up ? "UP" : "STARTING");
        ObjectNode fns = body.putObject("functions");
        functions.forEach((id, f) -> {
            ObjectNode fn = fns.putObject(id);
            fn.put("state", f.state().name());
            if (!f.detail().isEmpty()) {
                fn.put("detail", f.detail());
            }
            f.spec().routes().forEach(r -> fn.withArray("routes").add(r.routeKey()));
        });
        endpoints.sandboxes().forEach((partner, url) -> body.withObject("/sandboxes").put(partner, url.toString()));
        body.put("dynamoDb", endpoints.dynamoDb().toString());
        body.put("secretsManager", endpoints.moto().toString());
        return HttpAnswer.json(up ? 200 : 503, "application/json", body.toString());
    }

    public boolean isUp() {
        return up;
    }

    public URI baseUrl() {
        return loopback(front.port());
    }

    public LocalAuthorizer authorizer() {
        return authorizer;
    }

    public LocalEndpoints endpoints() {
        return endpoints;
    }

    public Map<String, LocalFunction> functions() {
        return functions;
    }

    public SamTemplate template() {
        return template;
    }

    public LocalResources resources() {
        return new LocalResources(endpoints.dynamoDb(), endpoints.moto(), options.region());
    }

    /** Stops the function hosts (in parallel), then the front server, sandboxes and emulators, newest first. */
    @Override
    public void close() {
        List<AutoCloseable> components;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            up = false;
            components = new ArrayList<>(started);
        }
        functions.values().stream().map(f -> CompletableFuture.runAsync(f::close)).toList().forEach(CompletableFuture::join);
        for (int i = components.size() - 1; i >= 0; i--) {
            try {
                components.get(i).close();
            } catch (Exception e) {
                Console.warn("stopping " + components.get(i).getClass().getSimpleName() + " failed: " + e);
            }
        }
        starter.shutdownNow();
    }

    private static URI loopback(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T unchecked(Step<T> step) {
        try {
            return step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static <T> T joinUnwrapped(CompletableFuture<T> future) throws Exception {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = Objects.requireNonNullElse(e.getCause(), e);
            throw cause instanceof IllegalStateException ise && ise.getCause() instanceof Exception inner ? inner
                    : cause instanceof Exception ex ? ex : e;
        }
    }
}
