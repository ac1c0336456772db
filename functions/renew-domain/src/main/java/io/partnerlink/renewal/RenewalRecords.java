package io.partnerlink.renewal;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.shared.idempotency.Idempotency;
import io.partnerlink.shared.idempotency.IdempotencyRecord;
import io.partnerlink.shared.idempotency.IdempotencyRequestInProgressException;
import io.partnerlink.shared.idempotency.IdempotencyStore;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Our idempotency records read as the real run would meet them, for the dry run: it must report
 * {@code already-ordered} and {@code in-progress} exactly where the real run would, and write nothing.
 */
@Singleton
public class RenewalRecords {

    private final Idempotency idempotency;
    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final Clock clock;

    public RenewalRecords(Idempotency idempotency, IdempotencyStore store, ObjectMapper json, Clock clock) {
        this.idempotency = idempotency;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The stored result of a completed record under {@code key}; empty when there is none, it has expired, or its
     * run died (the real run takes it over).
     *
     * @throws IdempotencyRequestInProgressException while another run holds the key within its deadline
     */
    <R> Optional<R> completed(String key, Argument<R> type) {
        Instant now = clock.instant();
        Optional<IdempotencyRecord> found = store.find(idempotency.recordId(key)).filter(r -> !r.isExpired(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = found.get();
        if (!record.isCompleted()) {
            if (record.inProgressUntil().isAfter(now)) {
                throw new IdempotencyRequestInProgressException(Duration.between(now, record.inProgressUntil()));
            }
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(record.result(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a stored renewal", e);
        }
    }
}
