package io.partnerlink.shared.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer; also what the idempotency store keeps and replays for HTTP routes. */
@Serdeable
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(statusCode, copy, body);
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
