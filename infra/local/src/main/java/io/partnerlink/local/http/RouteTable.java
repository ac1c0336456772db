package io.partnerlink.local.http;

import io.partnerlink.local.template.HttpRoute;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway HTTP API route selection: the most specific route wins (literal segments before {@code {param}},
 * {@code {param}} before a greedy {@code {proxy+}}, an exact method before {@code ANY}), {@code $default} last.
 */
public final class RouteTable {

    public record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private final List<HttpRoute> routes;

    public RouteTable(List<HttpRoute> routes) {
        this.routes = routes.stream().sorted(SPECIFIC_FIRST).toList();
    }

    public List<HttpRoute> routes() {
        return routes;
    }

    public Optional<Match> match(String method, String rawPath) {
        String[] segments = split(rawPath);
        for (HttpRoute route : routes) {
            if (!route.method().equals("ANY") && !route.method().equals(method)) {
                continue;
            }
            if (route.path().equals(HttpRoute.DEFAULT)) {
                return Optional.of(new Match(route, Map.of()));
            }
            Map<String, String> parameters = bind(split(route.path()), segments);
            if (parameters != null) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> bind(String[] pattern, String[] path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String part = pattern[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= path.length) {
                    return null;
                }
                parameters.put(part.substring(1, part.length() - 2), decode(String.join("/", List.of(path).subList(i, path.length))));
                return parameters;
            }
            if (i >= path.length) {
                return null;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                parameters.put(part.substring(1, part.length() - 1), decode(path[i]));
            } else if (!part.equals(path[i])) {
                return null;
            }
        }
        return pattern.length == path.length ? parameters : null;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Routes in the order they are tried. */
    private static final Comparator<HttpRoute> SPECIFIC_FIRST = Comparator
            .comparing((HttpRoute r) -> r.path().equals(HttpRoute.DEFAULT))
            .thenComparing(r -> r.path().contains("+}"))
            .thenComparing(RouteTable::shape)
            .thenComparing(r -> r.method().equals("ANY"));

    /** Segment by segment, a literal sorts before a parameter: "0" for a literal, "1" for a parameter. */
    private static String shape(HttpRoute route) {
        StringBuilder shape = new StringBuilder();
        for (String part : split(route.path())) {
            shape.append(part.startsWith("{") ? '1' : '0');
        }
        return shape.toString();
    }
}
