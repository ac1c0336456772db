package io.partnerlink.shared.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Where idempotency records live. Every decision between concurrent duplicates is made by the store's own
 * conditional write in {@link #claim}, never by a lock in one container.
 */
public interface IdempotencyStore {

    /**
     * Writes the in-progress record unless a live record holds the key. A record is live while it has not
     * expired and is either completed or in progress within its deadline.
     *
     * @return empty when the key is now ours, else the live record that holds it
     * @throws IdempotencyStoreUnavailableException when the store cannot be reached
     */
    Optional<IdempotencyRecord> claim(IdempotencyRecord inProgress, Instant now);

    /** Replaces the in-progress record with the completed one. */
    void complete(IdempotencyRecord completed);

    /** Removes the record, so that a retry can run again (after a retryable failure). */
    void release(String id);

    /** Reads the record as it is now (strongly consistent). */
    Optional<IdempotencyRecord> find(String id);
}
