package io.partnerlink.shared.idempotency;

/** The idempotency store could not be read or written; nothing was sent to a partner. */
public class IdempotencyStoreUnavailableException extends RuntimeException {

    public IdempotencyStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
