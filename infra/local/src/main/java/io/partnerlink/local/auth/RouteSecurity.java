package io.partnerlink.local.auth;

import io.partnerlink.local.template.CfnYaml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which authorizer guards each route, read from the HTTP API's OpenAPI body in {@code template.yaml} for one
 * {@code ApiAuth} choice, the same document API Gateway imports. Each operation's {@code security} may be an
 * {@code Fn::If}; the branch naming the chosen kind of security scheme ({@code awsSigv4} for IAM, a {@code jwt}
 * authorizer for JWT) is taken. A route without {@code security} (the webhook) has no authorizer.
 */
public record RouteSecurity(Kind kind, List<String> scopes) {

    public enum Kind { NONE, IAM, JWT }

    static final RouteSecurity NONE = new RouteSecurity(Kind.NONE, List.of());

    /** Route key ({@code POST /gift-orders}) to its security, for every operation of every HttpApi's DefinitionBody. */
    public static Map<String, RouteSecurity> of(Path template, Kind mode) throws IOException {
        Map<String, Object> doc = CfnYaml.load(template);
        Map<String, RouteSecurity> routes = new LinkedHashMap<>();
        map(doc.get("Resources")).values().forEach(raw -> {
            Map<String, Object> resource = map(raw);
            if (!"AWS::Serverless::HttpApi".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> body = map(map(resource.get("Properties")).get("DefinitionBody"));
            Map<String, Kind> schemes = schemes(map(body.get("components")).get("securitySchemes"));
            map(body.get("paths")).forEach((path, operations) -> map(operations).forEach((method, operation) ->
                    routes.put(method.toUpperCase(Locale.ROOT) + " " + path, security(map(operation).get("security"), schemes, mode))));
        });
        return routes;
    }

    private static RouteSecurity security(Object value, Map<String, Kind> schemes, Kind mode) {
        if (value == null) {
            return NONE;
        }
        List<?> branches = map(value).containsKey("Fn::If") ? list(map(value).get("Fn::If")).subList(1, 3) : List.of(value);
        for (Object branch : branches) {
            for (Object requirement : list(branch)) {
                for (Map.Entry<String, Object> entry : map(requirement).entrySet()) {
                    if (schemes.get(entry.getKey()) == mode) {
                        return new RouteSecurity(mode, list(entry.getValue()).stream().map(String::valueOf).toList());
                    }
                }
            }
        }
        throw new IllegalStateException("a route's security names no " + mode + " scheme: " + value);
    }

    private static Map<String, Kind> schemes(Object value) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        List<?> alternatives = map(value).containsKey("Fn::If") ? list(map(value).get("Fn::If")).subList(1, 3) : List.of(value);
        for (Object alternative : alternatives) {
            map(alternative).forEach((name, scheme) -> {
                Map<String, Object> s = map(scheme);
                if ("awsSigv4".equals(s.get("x-amazon-apigateway-authtype"))) {
                    kinds.put(name, Kind.IAM);
                } else if ("jwt".equals(map(s.get("x-amazon-apigateway-authorizer")).get("type"))) {
                    kinds.put(name, Kind.JWT);
                }
            });
        }
        return kinds;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
    }
}
