package io.partnerlink.coupons;

/**
 * The run cannot go on (i-bonus refused the credentials even after the secret was read again). Thrown so the
 * invocation fails visibly (error metric, alarm, retries, then the failed-events queue); the checkpoint keeps the
 * run's progress and nothing is removed for clients that were not read.
 */
public class SyncStoppedException extends RuntimeException {

    public SyncStoppedException(String message) {
        super(message, null, false, false);
    }
}
