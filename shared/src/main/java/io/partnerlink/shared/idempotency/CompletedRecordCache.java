package io.partnerlink.shared.idempotency;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Completed records kept in this container (Powertools' {@code useLocalCache}), least recently used first out.
 * Only completed records are cached: they never change until they expire. A plain synchronized LRU is enough
 * for a Lambda container, which serves one request at a time.
 */
final class CompletedRecordCache {

    private final int maxItems;
    private final Map<String, IdempotencyRecord> records;

    CompletedRecordCache(int maxItems) {
        this.maxItems = maxItems;
        this.records = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, IdempotencyRecord> eldest) {
                return size() > CompletedRecordCache.this.maxItems;
            }
        };
    }

    synchronized Optional<IdempotencyRecord> get(String id, Instant now) {
        IdempotencyRecord record = records.get(id);
        if (record == null) {
            return Optional.empty();
        }
        if (record.isExpired(now)) {
            records.remove(id);
            return Optional.empty();
        }
        return Optional.of(record);
    }

    synchronized void put(IdempotencyRecord record) {
        if (maxItems > 0 && record.isCompleted()) {
            records.put(record.id(), record);
        }
    }
}
