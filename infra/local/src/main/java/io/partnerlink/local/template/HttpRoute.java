package io.partnerlink.local.template;

/**
 * One {@code HttpApi} event of a function: {@code method} is upper case or {@code ANY}; {@code path} may hold
 * {@code {name}} and a trailing greedy {@code {name+}} parameter. {@code $default} catches what nothing else matches.
 */
public record HttpRoute(String method, String path, String functionId) {

    public static final String DEFAULT = "$default";

    /** The API Gateway route key the handler sees, e.g. {@code POST /domains/{domain}/renewals}. */
    public String routeKey() {
        return path.equals(DEFAULT) ? DEFAULT : method + " " + path;
    }
}
