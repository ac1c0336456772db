package io.partnerlink.renewal;

/**
 * A failure no domain can get past (no .ART token, no credentials, no idempotency store): the run stops and the
 * invocation fails, so the schedule's retries, the failed-events queue and the error alarm take over.
 */
public class RenewalRunStoppedException extends RuntimeException {

    public RenewalRunStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
