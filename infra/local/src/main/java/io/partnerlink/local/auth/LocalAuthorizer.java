package io.partnerlink.local.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerlink.local.http.HttpAnswer;
import io.partnerlink.local.http.IncomingRequest;
import io.partnerlink.local.template.CfnYaml;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The local API Gateway's authorizers: {@code API_AUTH} (default: the template's {@code ApiAuth} default, IAM)
 * chooses SigV4 against {@link LocalCallers} or JWTs from {@link LocalTokens}; each route is guarded as the
 * template's API definition says ({@link RouteSecurity}). A refused request never reaches the function and gets
 * API Gateway's answer; an allowed one reaches it with the {@code requestContext.authorizer} API Gateway would add.
 */
public final class LocalAuthorizer {

    public static final String MODE_VARIABLE = "API_AUTH";
    public static final String CALLERS_VARIABLE = "LOCAL_CALLERS";
    static final String TOKEN_PATH = "/_local/token";
    static final String KEYS_PATH = "/_local/jwks.json";

    private final RouteSecurity.Kind mode;
    private final Map<String, RouteSecurity> routes;
    private final LocalCallers callers;
    private final SigV4Verifier sigv4;
    private final LocalTokens tokens;
    private final JwtVerifier jwt;
    private final Supplier<Instant> clock;
    private final ObjectMapper json = new ObjectMapper();

    public LocalAuthorizer(RouteSecurity.Kind mode, Map<String, RouteSecurity> routes, LocalCallers callers, String region,
                           LocalTokens tokens, Supplier<Instant> clock) {
        this.mode = mode;
        this.routes = Map.copyOf(routes);
        this.callers = callers;
        this.sigv4 = new SigV4Verifier(callers, region);
        this.tokens = tokens;
        this.jwt = new JwtVerifier(tokens.publicKeys(), LocalTokens.ISSUER, LocalTokens.AUDIENCE, clock);
        this.clock = clock;
    }

    /** For {@code template} in {@code region}, configured by {@code API_AUTH} and {@code LOCAL_CALLERS}. */
    public static LocalAuthorizer forTemplate(Path template, String region, Map<String, String> environment) throws IOException {
        Object parameters = CfnYaml.load(template).get("Parameters");
        Object apiAuth = parameters instanceof Map<?, ?> p ? p.get("ApiAuth") : null;
        Object fallback = apiAuth instanceof Map<?, ?> a ? a.get("Default") : null;
        String chosen = environment.getOrDefault(MODE_VARIABLE, fallback == null ? "IAM" : fallback.toString());
        RouteSecurity.Kind mode = switch (chosen.trim().toUpperCase(Locale.ROOT)) {
            case "IAM" -> RouteSecurity.Kind.IAM;
            case "JWT" -> RouteSecurity.Kind.JWT;
            default -> throw new IllegalArgumentException(MODE_VARIABLE + " must be IAM or JWT, not " + chosen);
        };
        return new LocalAuthorizer(mode, RouteSecurity.of(template, mode), LocalCallers.of(environment.get(CALLERS_VARIABLE)),
                region, LocalTokens.generate(), Instant::now);
    }

    public RouteSecurity.Kind mode() {
        return mode;
    }

    public LocalCallers callers() {
        return callers;
    }

    public Verdict authorize(String routeKey, IncomingRequest request) {
        RouteSecurity security = routes.getOrDefault(routeKey, RouteSecurity.NONE);
        return switch (security.kind()) {
            case NONE -> Verdict.allow(null);
            case IAM -> sigv4.verify(request.method(), request.rawPath(), request.rawQuery(), request.headers(), request.body(), clock.get());
            case JWT -> jwt.verify(authorization(request.headers()), security.scopes());
        };
    }

    /** The event with {@code requestContext.authorizer} set as the verdict says. */
    public byte[] attach(byte[] event, Verdict verdict) throws IOException {
        if (verdict.authorizer() == null) {
            return event;
        }
        ObjectNode tree = (ObjectNode) json.readTree(event);
        tree.withObject("/requestContext").set("authorizer", verdict.authorizer());
        return json.writeValueAsBytes(tree);
    }

    /** API Gateway's refusal: {@code {"message":"Unauthorized"}} or {@code {"message":"Forbidden"}}, nothing more. */
    public static HttpAnswer refusal(Verdict verdict) {
        return HttpAnswer.json(verdict.status(), "application/json", "{\"message\":\"" + verdict.message() + "\"}");
    }

    /** Whether the runner serves {@code path} itself: the token issuer and its key set. */
    public static boolean serves(String path) {
        return path.equals(TOKEN_PATH) || path.equals(KEYS_PATH);
    }

    /**
     * {@code GET /_local/token?scope=a&scope=b&sub=name&ttl=3600} prints a signed token (JWT mode only);
     * {@code GET /_local/jwks.json} the public key set it is verified with.
     */
    public HttpAnswer serve(String path, String rawQuery) {
        if (path.equals(KEYS_PATH)) {
            return HttpAnswer.json(200, "application/json", tokens.publicKeys().toString());
        }
        if (mode != RouteSecurity.Kind.JWT) {
            return HttpAnswer.json(409, "text/plain", "The runner authorizes with IAM; start it with API_AUTH=JWT for tokens.\n");
        }
        List<String> scopes = new ArrayList<>();
        String subject = "local-client";
        long ttl = LocalTokens.DEFAULT_TTL.toSeconds();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (name) {
                case "scope" -> scopes.addAll(List.of(value.trim().split("[\\s,]+")));
                case "sub" -> subject = value;
                case "ttl" -> ttl = value.matches("[0-9]{1,9}") ? Long.parseLong(value) : ttl;
                default -> { }
            }
        }
        scopes.removeIf(String::isBlank);
        return HttpAnswer.json(200, "text/plain", tokens.issue(subject, scopes, clock.get(), Duration.ofSeconds(ttl)) + "\n");
    }

    private static String authorization(List<Map.Entry<String, String>> headers) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase("authorization")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
