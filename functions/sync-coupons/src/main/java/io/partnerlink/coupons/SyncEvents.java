package io.partnerlink.coupons;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.util.Comparator;
import java.util.stream.Collectors;

/** Reads and checks a trigger event; every refusal is an {@link InvalidSyncEventException} naming the problem. */
@Singleton
public class SyncEvents {

    static final int MAX_EVENT_BYTES = 64 * 1024;
    private static final int MAX_REASON = 240;

    private final ObjectMapper json;
    private final Validator validator;

    public SyncEvents(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public SyncRequest parse(byte[] event) {
        if (event.length > MAX_EVENT_BYTES) {
            throw new InvalidSyncEventException("larger than " + MAX_EVENT_BYTES + " bytes");
        }
        SyncEvent parsed;
        try {
            parsed = json.readValue(event, Argument.of(SyncEvent.class));
        } catch (IOException | RuntimeException e) {
            throw new InvalidSyncEventException(reason(e));
        }
        if (parsed == null) {
            throw new InvalidSyncEventException("not a JSON object");
        }
        String violations = validator.validate(parsed).stream()
                .sorted(Comparator.comparing((ConstraintViolation<SyncEvent> v) -> v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .collect(Collectors.joining("; "));
        if (!violations.isEmpty()) {
            throw new InvalidSyncEventException(violations);
        }
        SyncOptions detail = parsed.detail();
        if (parsed.hasTopLevelOptions() && detail != null && !detail.isEmpty()) {
            throw new InvalidSyncEventException("options given both at the top level and in detail");
        }
        SyncOptions options = detail != null && !detail.isEmpty() ? detail
                : new SyncOptions(parsed.email(), parsed.phone(), parsed.fullResync());
        return new SyncRequest(parsed.id(), parsed.isScheduled(), options.email(), options.phone(),
                Boolean.TRUE.equals(options.fullResync()));
    }

    /** Serde's own words (which property, which type), first line only; values are not echoed. */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? "not valid JSON" : e.getMessage();
        int newline = message.indexOf('\n');
        message = newline >= 0 ? message.substring(0, newline) : message;
        return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) : message;
    }
}
