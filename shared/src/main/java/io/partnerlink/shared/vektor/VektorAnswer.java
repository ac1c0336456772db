package io.partnerlink.shared.vektor;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;

/**
 * vektor-adv's answer to {@code POST /api/orders}, kept verbatim because its fields are undocumented (digest gap 2):
 * {@code json} when the body is JSON, else {@code text}. Bodies above {@link #MAX_CHARS} characters are cut to that
 * many and kept as text with {@code truncated} set, so a stored idempotency record stays small.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VektorAnswer(int status, @Nullable JsonNode json, @Nullable String text, boolean truncated) {

    public static final int MAX_CHARS = 8192;

    static VektorAnswer of(int status, @Nullable String body, ObjectMapper mapper) {
        String raw = body == null ? "" : body;
        if (raw.length() > MAX_CHARS) {
            return new VektorAnswer(status, null, raw.substring(0, MAX_CHARS), true);
        }
        if (!raw.isBlank()) {
            try {
                JsonNode tree = mapper.readValue(raw, JsonNode.class);
                if (tree != null) {
                    return new VektorAnswer(status, tree, null, false);
                }
            } catch (IOException | RuntimeException notJson) {
                // kept as text below
            }
        }
        return new VektorAnswer(status, null, raw, false);
    }

    @Override
    public String toString() {
        return "VektorAnswer[status=" + status + ", ***]"; // it may hold certificate codes: kept out of logs
    }
}
