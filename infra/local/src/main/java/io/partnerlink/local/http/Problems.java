package io.partnerlink.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The runner's own error answers, in the project's problem format (RFC 9457, {@code instance} = request id), with
 * the {@code message} member API Gateway's own answers carry ({"message":"Not Found"}), so a client written against
 * either reads them. Details are in words; no answer names a Java class.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static HttpAnswer of(int status, String slug, String title, String detail, String requestId) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("message", FrontDoor.reason(status));
        problem.put("type", "/problems/" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", requestId);
        return new HttpAnswer(status, List.of(Map.entry("Content-Type", "application/problem+json"),
                Map.entry("X-Request-Id", requestId)), problem.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static HttpAnswer notFound(String detail, String requestId) {
        return of(404, "not-found", "Not found", detail, requestId);
    }

    public static HttpAnswer functionFailed(String detail, String requestId) {
        return of(500, "internal-error", "Internal error", detail, requestId);
    }

    public static HttpAnswer unavailable(String detail, String requestId) {
        return of(503, "function-unavailable", "The function is not available", detail, requestId);
    }
}
