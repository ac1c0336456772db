package io.partnerlink.shared.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An RFC 9457 problem document, the body of every HTTP error we answer. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String requestId, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, requestId, errors == null ? List.of() : List.copyOf(errors));
    }
}
