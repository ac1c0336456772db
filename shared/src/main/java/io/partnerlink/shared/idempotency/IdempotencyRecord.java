package io.partnerlink.shared.idempotency;

import java.time.Instant;

/**
 * One idempotency key's state in the store.
 *
 * @param id              {@code <scope>#<key>}
 * @param status          in progress or completed
 * @param payloadHash     SHA-256 of the part of the request that must match on a repeat
 * @param inProgressUntil when an in-progress run is presumed dead and may be taken over
 * @param expiresAt       when the record stops counting (also the table's TTL attribute)
 * @param result          the serialized result of a completed run, else null
 */
public record IdempotencyRecord(String id, Status status, String payloadHash, Instant inProgressUntil,
                                Instant expiresAt, String result) {

    public enum Status { INPROGRESS, COMPLETED }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isCompleted() {
        return status == Status.COMPLETED;
    }
}
