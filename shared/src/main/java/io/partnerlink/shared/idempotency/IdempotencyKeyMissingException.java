package io.partnerlink.shared.idempotency;

/** The request carries no idempotency key where one is required. */
public class IdempotencyKeyMissingException extends RuntimeException {

    public IdempotencyKeyMissingException(String message) {
        super(message, null, false, false);
    }
}
