package io.partnerlink.shared.vitec;

import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Vitec's 400 body, whose shape the spec leaves open. ASP.NET Web API answers
 * {@code {"Message": "...", "ModelState": {"field": ["..."]}}}, so those are read when present and the raw text
 * is used otherwise; the token is masked and the text bounded, because the message reaches logs and callers.
 */
@Singleton
public class VitecErrors {

    private static final Logger LOG = LoggerFactory.getLogger(VitecErrors.class);
    static final int MAX_MESSAGE = 300;
    static final String FALLBACK = "Vitec rejected the order token.";

    private final ObjectMapper json;

    public VitecErrors(ObjectMapper json) {
        this.json = json;
    }

    public String message(HttpClientResponseException e, String token) {
        String body = e.getResponse().getBody(String.class).orElse("");
        String message = fromJson(body);
        if (message == null) {
            message = body;
        }
        String safe = bound(mask(message, token));
        LOG.warn("Vitec answered 400: {}", safe.isEmpty() ? "(no body)" : safe);
        return safe.isEmpty() ? FALLBACK : safe;
    }

    private String fromJson(String body) {
        JsonNode node;
        try {
            node = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String name : List.of("Message", "message", "error_description", "error", "title")) {
            JsonNode value = node.get(name);
            if (value != null && value.isString()) {
                parts.add(value.getStringValue());
                break;
            }
        }
        for (String name : List.of("ModelState", "modelState", "errors")) {
            JsonNode fields = node.get(name);
            if (fields != null && fields.isObject()) {
                for (Map.Entry<String, JsonNode> field : fields.entries()) {
                    field.getValue().values().forEach(v -> {
                        if (v.isString()) {
                            parts.add(v.getStringValue());
                        }
                    });
                }
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    static String mask(String text, String token) {
        return token == null || token.isEmpty() ? text : text.replace(token, "***");
    }

    /** Control characters out (no forged log lines), whitespace collapsed, at most {@value #MAX_MESSAGE} chars. */
    static String bound(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").trim();
        return clean.length() <= MAX_MESSAGE ? clean : clean.substring(0, MAX_MESSAGE) + "...";
    }
}
