package io.partnerlink.shared.idempotency;

import java.time.Duration;

/** Another run holds the key and is still within its deadline. */
public class IdempotencyRequestInProgressException extends RuntimeException {

    private final Duration retryAfter;

    public IdempotencyRequestInProgressException(Duration retryAfter) {
        super("A request with this idempotency key is in progress", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long until the running request's deadline, at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
