package io.partnerlink.shared.idempotency;

/** The key was first used with a different payload: replaying its result would answer another request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("The idempotency key was already used with a different request", null, false, false);
    }
}
