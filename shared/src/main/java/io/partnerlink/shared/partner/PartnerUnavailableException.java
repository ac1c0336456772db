package io.partnerlink.shared.partner;

import java.time.Duration;

/**
 * A failure that may pass: a 5xx, a 429, a timeout, a reset connection or an unreadable answer. Safe to retry
 * with the same partner-side key.
 */
public class PartnerUnavailableException extends PartnerException {

    private final Duration retryAfter;

    public PartnerUnavailableException(String partner, int status, String message, Duration retryAfter, Throwable cause) {
        super(partner, status, message, cause);
        this.retryAfter = retryAfter;
    }

    /**
     * Whether this failure already went through retries of its own (a token fetch inside a call), so a retry loop
     * around it gives up instead of repeating them.
     */
    public boolean retriesSpent() {
        return false;
    }

    /** The partner's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
