package io.partnerlink.shared.idempotency;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs an action at most once per key (docs/design.md §Idempotency), the way Powertools' idempotency utility does:
 * a conditional in-progress record first, the action, then the completed record holding its result.
 * <ul>
 *   <li>a returned result is stored and replayed to every repeat with the same payload, error results included;</li>
 *   <li>a thrown exception releases the key so a retry can run, and is rethrown;</li>
 *   <li>a repeat with another payload fails with {@link IdempotencyKeyReusedException};</li>
 *   <li>a repeat while the first run is within its deadline fails with {@link IdempotencyRequestInProgressException};</li>
 *   <li>a run past its deadline (a crashed Lambda) is taken over.</li>
 * </ul>
 * Usage: {@code idempotency.execute(IdempotentCall.of(key, body, lambda), Argument.of(Answer.class), () -> answer())}.
 */
@Singleton
public class Idempotency {

    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);
    public static final String MDC_KEY_HASH = "idempotencyKeyHash";

    private final IdempotencyStore store;
    private final IdempotencyConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final CompletedRecordCache cache;

    public Idempotency(IdempotencyStore store, IdempotencyConfig config, ObjectMapper json, Clock clock) {
        this.store = store;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.cache = new CompletedRecordCache(config.localCacheMaxItems());
    }

    public <R> Idempotent<R> execute(IdempotentCall call, Argument<R> resultType, Supplier<R> action) {
        if (call.key() == null || call.key().isBlank()) {
            if (config.throwOnMissingKey()) {
                throw new IdempotencyKeyMissingException("An idempotency key is required");
            }
            LOG.warn("No idempotency key: running without protection");
            return new Idempotent<>(action.get(), false);
        }
        String id = recordId(call.key());
        String payloadHash = IdempotencyKeys.sha256(call.payload() == null ? "" : call.payload());
        MDC.put(MDC_KEY_HASH, IdempotencyKeys.logHash(id));

        Instant now = clock.instant();
        Optional<IdempotencyRecord> cached = cache.get(id, now);
        if (cached.isPresent()) {
            return replay(cached.get(), payloadHash, resultType, now);
        }
        Duration deadline = call.deadline() != null ? call.deadline() : config.inProgressTimeout();
        IdempotencyRecord claim = new IdempotencyRecord(id, IdempotencyRecord.Status.INPROGRESS, payloadHash,
                now.plus(deadline), now.plus(config.expiry()), null);
        Optional<IdempotencyRecord> holder = store.claim(claim, now);
        if (holder.isPresent()) {
            return replay(holder.get(), payloadHash, resultType, now);
        }
        return runAndRecord(claim, resultType, action);
    }

    /** The store id of a key: {@code <scope>#<key>}, with the key hashed when it is not short printable ASCII. */
    public String recordId(String key) {
        String part = IdempotencyKeys.isValidClientKey(key) ? key : "sha256:" + IdempotencyKeys.sha256(key);
        return config.scope() + "#" + part;
    }

    private <R> Idempotent<R> runAndRecord(IdempotencyRecord claim, Argument<R> resultType, Supplier<R> action) {
        R result;
        try {
            result = action.get();
        } catch (RuntimeException | Error failure) {
            releaseAfter(claim.id());
            throw failure;
        }
        Instant done = clock.instant();
        IdempotencyRecord completed = new IdempotencyRecord(claim.id(), IdempotencyRecord.Status.COMPLETED,
                claim.payloadHash(), claim.inProgressUntil(), done.plus(config.expiry()), serialize(result));
        try {
            store.complete(completed);
            cache.put(completed);
        } catch (IdempotencyStoreUnavailableException e) {
            // The side effect happened: answer it. The record stays in progress until its deadline; a retry after
            // that re-runs with the same partner-side key, which the partner deduplicates.
            LOG.error("Completed the action but could not record its result; a retry after the deadline re-runs it", e);
        }
        return new Idempotent<>(result, false);
    }

    private void releaseAfter(String id) {
        try {
            store.release(id);
        } catch (IdempotencyStoreUnavailableException e) {
            LOG.error("Could not release the key after a failure; it is retried once its deadline passes", e);
        }
    }

    private <R> Idempotent<R> replay(IdempotencyRecord existing, String payloadHash, Argument<R> type, Instant now) {
        if (!existing.payloadHash().equals(payloadHash)) {
            throw new IdempotencyKeyReusedException();
        }
        if (!existing.isCompleted()) {
            long seconds = Math.max(1, Duration.between(now, existing.inProgressUntil()).toSeconds());
            throw new IdempotencyRequestInProgressException(Duration.ofSeconds(seconds));
        }
        cache.put(existing);
        LOG.info("Replaying the stored result of an earlier request");
        return new Idempotent<>(deserialize(existing.result(), type), true);
    }

    private String serialize(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize the result to store it", e);
        }
    }

    private <R> R deserialize(String stored, Argument<R> type) {
        try {
            return json.readValue(stored, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a stored result", e);
        }
    }
}
