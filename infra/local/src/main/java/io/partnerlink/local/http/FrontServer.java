package io.partnerlink.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.partnerlink.local.Console;
import io.partnerlink.local.auth.LocalAuthorizer;
import io.partnerlink.local.auth.Verdict;
import io.partnerlink.local.function.InvokeResult;
import io.partnerlink.local.function.LocalFunction;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The local API Gateway on {@code 127.0.0.1:PORT}: template routes become HTTP API v2 events for the function's
 * host, {@code POST /_invoke/<FunctionLogicalId>} passes a raw event through (like {@code sam local invoke}),
 * {@code GET /health} tells whether everything is up. Routes are authorized first, as the template's API says
 * ({@link LocalAuthorizer}; {@code GET /_local/token} hands out local JWTs). Errors are problem JSON with the request id;
 * stack traces stay in the runner's log.
 */
public final class FrontServer implements AutoCloseable {

    /** API Gateway's own payload limit. */
    static final int MAX_BODY = 10 * 1024 * 1024;
    private static final String INVOKE = "/_invoke/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final RouteTable routes;
    private final Map<String, LocalFunction> functions;
    private final ApiGatewayEvents events;
    private final Supplier<HttpAnswer> health;
    private final LocalAuthorizer authorizer;

    public FrontServer(int port, RouteTable routes, Map<String, LocalFunction> functions, ApiGatewayEvents events,
                       Supplier<HttpAnswer> health, LocalAuthorizer authorizer) throws IOException {
        this.authorizer = authorizer;
        this.routes = routes;
        this.functions = functions;
        this.events = events;
        this.health = health;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String via = "";
        HttpAnswer answer;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                answer = Problems.of(413, "payload-too-large", "Payload too large",
                        "The body is larger than API Gateway's limit of 10 MiB.", requestId);
            } else if (path.equals("/health") && method.equals("GET")) {
                answer = health.get();
            } else if (LocalAuthorizer.serves(path) && method.equals("GET")) {
                answer = authorizer.serve(path, exchange.getRequestURI().getRawQuery());
            } else if (path.startsWith(INVOKE)) {
                via = path.substring(INVOKE.length());
                answer = invokeRaw(method, via, body, requestId);
            } else {
                IncomingRequest request = new IncomingRequest(method, path, exchange.getRequestURI().getRawQuery(),
                        headers(exchange), body, exchange.getRemoteAddress().getAddress().getHostAddress(), port());
                var match = routes.match(method, path);
                if (match.isEmpty()) {
                    answer = Problems.notFound("No route matches " + method + " " + path + ".", requestId);
                } else {
                    via = match.get().route().functionId();
                    answer = route(request, match.get(), requestId);
                }
            }
        } catch (Exception e) {
            Console.error("Request " + requestId + " failed in the runner", e);
            answer = Problems.functionFailed("The local runner failed; see its log for request " + requestId + ".", requestId);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!path.equals("/health")) {
            Console.info(method + " " + path + " -> " + answer.status() + (via.isEmpty() ? "" : " (" + via + ")")
                    + " " + millis + " ms, request " + requestId);
        }
        write(exchange, answer, requestId);
    }

    private HttpAnswer route(IncomingRequest request, RouteTable.Match match, String requestId) throws IOException {
        LocalFunction function = functions.get(match.route().functionId());
        // As API Gateway: the route's authorizer first; a refusal never reaches the function.
        Verdict verdict = authorizer.authorize(match.route().routeKey(), request);
        if (!verdict.allowed()) {
            Console.info("refused request " + requestId + " (" + verdict.status() + "): " + verdict.reason());
            return LocalAuthorizer.refusal(verdict);
        }
        byte[] event = authorizer.attach(events.event(request, match, requestId, Instant.now()), verdict);
        InvokeResult result = function.invoke(event, requestId);
        return result.kind() == InvokeResult.Kind.OK ? events.answer(result.output()) : failure(result, match.route().functionId(), requestId);
    }

    private HttpAnswer invokeRaw(String method, String functionId, byte[] event, String requestId) {
        LocalFunction function = functions.get(functionId);
        if (function == null) {
            return Problems.notFound("No function " + functionId + "; the template has " + functions.keySet() + ".", requestId);
        }
        if (!method.equals("POST")) {
            return Problems.of(405, "method-not-allowed", "Method not allowed", "Invoke with POST.", requestId);
        }
        InvokeResult result = function.invoke(event.length == 0 ? "{}".getBytes() : event, requestId);
        if (result.kind() == InvokeResult.Kind.OK) {
            return new HttpAnswer(200, List.of(Map.entry("Content-Type", "application/json"),
                    Map.entry("X-Request-Id", requestId)), result.output());
        }
        HttpAnswer failure = failure(result, functionId, requestId);
        List<Map.Entry<String, String>> headers = new ArrayList<>(failure.headers());
        headers.add(Map.entry("X-Amz-Function-Error", "Unhandled"));
        return new HttpAnswer(failure.status(), headers, failure.body());
    }

    private static HttpAnswer failure(InvokeResult result, String functionId, String requestId) {
        return switch (result.kind()) {
            case ERROR -> Problems.functionFailed(functionId + " failed with " + result.detail()
                    + "; the stack trace is in the runner's log under request " + requestId + ".", requestId);
            case TIMEOUT -> Problems.functionFailed(functionId + " " + result.detail() + ".", requestId);
            default -> Problems.unavailable(functionId + " is not available: " + result.detail(), requestId);
        };
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static List<Map.Entry<String, String>> headers(HttpExchange exchange) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        return headers;
    }

    private static void write(HttpExchange exchange, HttpAnswer answer, String requestId) {
        try (exchange) {
            for (Map.Entry<String, String> header : answer.headers()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("connection")) {
                    exchange.getResponseHeaders().add(header.getKey(), header.getValue());
                }
            }
            exchange.getResponseHeaders().set("Apigw-Requestid", requestId);
            boolean empty = answer.body().length == 0 || answer.status() == 204 || answer.status() == 304
                    || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (IOException clientGone) {
            Console.warn("Could not send the answer to request " + requestId + ": " + clientGone.getMessage());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
