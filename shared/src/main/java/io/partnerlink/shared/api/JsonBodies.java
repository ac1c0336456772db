package io.partnerlink.shared.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.shared.problem.FieldError;
import io.partnerlink.shared.problem.Problem;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request bodies in, JSON answers out. A body is accepted only when it is {@code application/json}, within the
 * size bound ({@code api.max-body-bytes}, default 64 KiB), strict UTF-8, one JSON value with no key twice and every number
 * read exactly ({@link ExactJson}: no binary floating point), parseable into the request record with
 * no unknown field (annotate request records {@code @JsonIgnoreProperties(ignoreUnknown = false)}), and valid under
 * its Jakarta constraints; anything else is a 400 naming the field.
 */
@Singleton
public class JsonBodies {

    public static final String JSON = "application/json";

    private final ObjectMapper json;
    private final Validator validator;
    private final int maxBodyBytes;

    public JsonBodies(ObjectMapper json, Validator validator, @Value("${api.max-body-bytes:65536}") int maxBodyBytes) {
        this.json = json;
        this.validator = validator;
        this.maxBodyBytes = maxBodyBytes;
    }

    public <T> T read(ApiRequest request, Class<T> type) {
        String contentType = request.header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().equals(JSON)) {
            throw invalid("Content-Type", "must be application/json");
        }
        if (request.body().length > maxBodyBytes) {
            throw invalid("body", "must be at most " + maxBodyBytes + " bytes");
        }
        String text = request.bodyText();
        if (text == null) {
            throw invalid("body", "must be UTF-8 text");
        }
        if (text.isBlank()) {
            throw invalid("body", "is required");
        }
        JsonNode tree;
        try {
            tree = ExactJson.parse(text);
        } catch (ExactJson.Refused e) {
            throw invalid("body", e.getMessage());
        }
        List<FieldError> shapeErrors = JsonShape.check(tree, Argument.of(type));
        if (!shapeErrors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The request body is not valid.", shapeErrors);
        }
        T value;
        try {
            value = json.readValueFromTree(tree, Argument.of(type));
        } catch (IOException | RuntimeException e) {
            throw invalid("body", "does not match the expected shape");
        }
        if (value == null) {
            throw invalid("body", "must be a JSON object");
        }
        validate(value);
        return value;
    }

    /** Why the text is not strict JSON (a key twice, trailing content, a number out of range); null when it is. */
    static String strictSyntaxError(String text) {
        try {
            ExactJson.parse(text);
            return null;
        } catch (ExactJson.Refused e) {
            return e.getMessage();
        }
    }

    /** Checks Jakarta constraints; a violation is a 400 listing every invalid field. */
    public <T> void validate(T value) {
        List<FieldError> errors = validator.validate(value).stream()
                .map(v -> new FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The request body is not valid.", errors);
        }
    }

    public ApiResponse json(int status, Object body) {
        return new ApiResponse(status, headers(JSON), write(body));
    }

    public ApiResponse problem(ProblemException problem, String requestId) {
        Problem body = Problem.of(problem.type(), problem.getMessage(), requestId, problem.errors());
        ApiResponse response = new ApiResponse(problem.type().status(), headers(Problem.MEDIA_TYPE), write(body));
        if (problem.retryAfter() != null) {
            response = response.withHeader("Retry-After", Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        return response;
    }

    public String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> headers(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return headers;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalidField(field, message);
    }

    private static String fieldPath(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.replaceAll("<[^>]*>", "").replace("..", ".");
    }
}
