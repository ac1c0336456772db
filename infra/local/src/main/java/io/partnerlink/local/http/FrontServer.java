package io.partnerlink.local.http;

import io.partnerlink.local.Console;
import io.partnerlink.local.auth.LocalAuthorizer;
import io.partnerlink.local.auth.Verdict;
import io.partnerlink.local.function.InvokeResult;
import io.partnerlink.local.function.LocalFunction;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The local API Gateway on {@code HOST:PORT} (127.0.0.1 unless {@code --host}): template routes become HTTP API v2 events for the function's
 * host, {@code POST /_invoke/<FunctionLogicalId>} passes a raw event through (like {@code sam local invoke}),
 * {@code GET /health} tells whether everything is up. Errors are problem JSON with the request id;
 * stack traces and exception types stay in the runner's log. {@link FrontDoor} owns the connections and refuses
 * malformed requests before they get here. Routes are authorized first, as the template's API says
 * ({@link LocalAuthorizer}; {@code GET /_local/token} hands out local JWTs).
 */
public final class FrontServer implements AutoCloseable {

    private static final String INVOKE = "/_invoke/";
    /** How long a started request may take to arrive, and a kept-alive connection may idle. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final FrontDoor server;
    private final RouteTable routes;
    private final Map<String, LocalFunction> functions;
    private final ApiGatewayEvents events;
    private final Supplier<HttpAnswer> health;
    private final LocalAuthorizer authorizer;

    public FrontServer(InetAddress host, int port, RouteTable routes, Map<String, LocalFunction> functions, ApiGatewayEvents events,
                       Supplier<HttpAnswer> health, LocalAuthorizer authorizer) throws IOException {
        this.authorizer = authorizer;
        this.routes = routes;
        this.functions = functions;
        this.events = events;
        this.health = health;
        this.server = new FrontDoor(host, port, READ_TIMEOUT, this::handle);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.port();
    }

    private HttpAnswer handle(WireRequest wire, String sourceIp, String requestId) {
        long started = System.nanoTime();
        String method = wire.method();
        String path = wire.rawPath();
        byte[] body = wire.body();
        String via = "";
        HttpAnswer answer;
        try {
            if (path.equals("/health") && method.equals("GET")) {
                answer = health.get();
            } else if (LocalAuthorizer.serves(path) && method.equals("GET")) {
                answer = authorizer.serve(path, wire.rawQuery());
            } else if (path.startsWith(INVOKE)) {
                via = path.substring(INVOKE.length());
                answer = invokeRaw(method, via, body, requestId);
            } else {
                IncomingRequest request = new IncomingRequest(method, path, wire.rawQuery(), wire.headers(), body,
                        sourceIp, port());
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
        return answer;
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

    /** The answer names no exception type; the runner's log keeps what the invocation said (host stderr has the trace). */
    private static HttpAnswer failure(InvokeResult result, String functionId, String requestId) {
        Console.warn(functionId + " " + result.kind().name().toLowerCase(java.util.Locale.ROOT) + ", request " + requestId
                + ": " + result.detail());
        return switch (result.kind()) {
            case ERROR -> Problems.functionFailed(functionId + " failed; its error and stack trace are in the runner's"
                    + " log under request " + requestId + ".", requestId);
            case TIMEOUT -> Problems.functionFailed(functionId + " " + result.detail() + ".", requestId);
            default -> Problems.unavailable(functionId + " is not available; GET /health and the runner's log say why.",
                    requestId);
        };
    }

    @Override
    public void close() {
        server.close();
    }
}
