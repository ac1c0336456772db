package io.partnerlink.testsupport;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A handler's API Gateway response, read back from its JSON. */
public record HttpAnswer(int status, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    public static HttpAnswer parse(String responseJson) {
        JsonNode node = tree(responseJson);
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = node.get("headers");
        if (h != null) {
            h.entries().forEach(e -> headers.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().getStringValue()));
        }
        JsonNode body = node.get("body");
        return new HttpAnswer(node.get("statusCode").getIntValue(), headers, body == null || body.isNull() ? null : body.getStringValue());
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public JsonNode json() {
        return tree(body);
    }

    /** The problem's {@code type} slug (after {@code /problems/}), or null when the body is not a problem. */
    public String problemType() {
        JsonNode type = json().get("type");
        return type == null ? null : type.getStringValue().substring(type.getStringValue().lastIndexOf('/') + 1);
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readValue(json, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + json, e);
        }
    }
}
