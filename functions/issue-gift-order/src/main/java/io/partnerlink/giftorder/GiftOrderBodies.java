package io.partnerlink.giftorder;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.JsonBodies;
import io.partnerlink.shared.problem.FieldError;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Request bodies of this function: {@link JsonBodies} (content type, size, UTF-8, binding, Jakarta constraints),
 * preceded by the strict {@link JsonShape} check for every body JsonBodies would go on to bind.
 */
@Singleton
class GiftOrderBodies {

    private final JsonBodies bodies;
    private final ObjectMapper json;
    private final int maxBodyBytes;

    GiftOrderBodies(JsonBodies bodies, ObjectMapper json, @Value("${api.max-body-bytes:65536}") int maxBodyBytes) {
        this.bodies = bodies;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    <T> T read(ApiRequest request, Class<T> type) {
        String contentType = request.header("content-type");
        boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().equals(JsonBodies.JSON);
        String text = json && request.body().length <= maxBodyBytes ? request.bodyText() : null;
        if (text != null && !text.isBlank()) {
            List<FieldError> errors = JsonShape.check(tree(text), Argument.of(type));
            if (!errors.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "The request body is not valid.", errors);
            }
        }
        return bodies.read(request, type);
    }

    private JsonNode tree(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException | RuntimeException malformed) {
            throw ProblemException.invalidField("body", "is not valid JSON");
        }
    }
}
