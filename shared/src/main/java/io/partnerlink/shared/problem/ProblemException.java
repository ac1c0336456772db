package io.partnerlink.shared.problem;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by request handling to answer with a problem document. The message is the problem's {@code detail}
 * and is shown to the caller, so it must never carry a secret, a token or an internal class name.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, null);
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The request body is not valid.", List.of(new FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** When set, the answer carries {@code Retry-After} in whole seconds. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
