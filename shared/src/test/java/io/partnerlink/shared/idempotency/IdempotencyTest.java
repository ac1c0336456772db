package io.partnerlink.shared.idempotency;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every row of docs/design.md §Idempotency, against DynamoDB Local. */
class IdempotencyTest {

    static final Argument<String> STRING = Argument.of(String.class);

    final LocalAws aws = LocalAws.get();
    final String table = "idem-" + UUID.randomUUID();
    ApplicationContext context;
    Idempotency idempotency;
    IdempotencyStore store;
    TestClock clock;
    final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void start() {
        aws.createIdempotencyTable(table);
        context = ApplicationContext.builder().environments("test").properties(Map.of(
                "idempotency.table", table, "idempotency.scope", "test-fn", "idempotency.local-cache-max-items", "0")).start();
        idempotency = context.getBean(Idempotency.class);
        store = context.getBean(IdempotencyStore.class);
        clock = context.getBean(TestClock.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    Idempotent<String> call(String key, String payload) {
        return idempotency.execute(new IdempotentCall(key, payload, Duration.ofSeconds(30)), STRING,
                () -> "result-" + runs.incrementAndGet());
    }

    @Test
    void firstRequestRunsAndStoresTheCompletedResult() {
        Idempotent<String> first = call("k1", "{\"a\":1}");
        assertEquals("result-1", first.result());
        assertFalse(first.replayed());
        IdempotencyRecord record = store.find("test-fn#k1").orElseThrow();
        assertEquals(IdempotencyRecord.Status.COMPLETED, record.status());
        assertEquals("\"result-1\"", record.result());
        assertTrue(record.expiresAt().isAfter(Instant.now().plus(Duration.ofHours(23))));
    }

    @Test
    void sameKeySamePayloadReplaysWithoutRunning() {
        call("k1", "{\"a\":1}");
        Idempotent<String> again = call("k1", "{\"a\":1}");
        assertEquals("result-1", again.result());
        assertTrue(again.replayed());
        assertEquals(1, runs.get());
    }

    @Test
    void sameKeyOtherPayloadIsRefused() {
        call("k1", "{\"a\":1}");
        assertThrows(IdempotencyKeyReusedException.class, () -> call("k1", "{\"a\":2}"));
        assertEquals(1, runs.get());
    }

    @Test
    void sameKeyWhileTheFirstIsInProgressIsRefusedWithRetryAfter() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Idempotent<String>> first = pool.submit(() -> idempotency.execute(
                    new IdempotentCall("k1", "p", Duration.ofSeconds(30)), STRING, () -> {
                        started.countDown();
                        await(release);
                        return "slow";
                    }));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            IdempotencyRequestInProgressException e = assertThrows(IdempotencyRequestInProgressException.class, () -> call("k1", "p"));
            assertTrue(e.retryAfter().toSeconds() >= 1 && e.retryAfter().toSeconds() <= 30, e.retryAfter().toString());
            release.countDown();
            assertEquals("slow", first.get(10, TimeUnit.SECONDS).result());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, runs.get());
    }

    @Test
    void aCrashedRunPastItsDeadlineIsTakenOver() {
        Instant now = clock.instant();
        store.claim(new IdempotencyRecord("test-fn#k1", IdempotencyRecord.Status.INPROGRESS, IdempotencyKeys.sha256("p"),
                now.plusSeconds(5), now.plus(Duration.ofHours(24)), null), now);
        clock.advance(Duration.ofSeconds(6));
        Idempotent<String> takeover = call("k1", "p");
        assertEquals("result-1", takeover.result());
        assertFalse(takeover.replayed());
    }

    @Test
    void aRunWithinItsDeadlineIsNotTakenOver() {
        Instant now = clock.instant();
        store.claim(new IdempotencyRecord("test-fn#k1", IdempotencyRecord.Status.INPROGRESS, IdempotencyKeys.sha256("p"),
                now.plusSeconds(5), now.plus(Duration.ofHours(24)), null), now);
        clock.advance(Duration.ofSeconds(4));
        assertThrows(IdempotencyRequestInProgressException.class, () -> call("k1", "p"));
        assertEquals(0, runs.get());
    }

    @Test
    void aRetryableFailureReleasesTheKeySoARetryRuns() {
        RuntimeException unavailable = new IllegalStateException("partner 503");
        assertThrows(IllegalStateException.class, () -> idempotency.execute(new IdempotentCall("k1", "p", null), STRING, () -> {
            throw unavailable;
        }));
        assertTrue(store.find("test-fn#k1").isEmpty());
        assertEquals("result-1", call("k1", "p").result());
    }

    @Test
    void aDeterministicRejectionReturnedAsResultIsStoredAndReplayed() {
        Argument<Map<String, Object>> type = Argument.mapOf(String.class, Object.class);
        Map<String, Object> rejection = Map.of("status", 422, "type", "validation-failed");
        Idempotent<Map<String, Object>> first = idempotency.execute(new IdempotentCall("k1", "p", null), type, () -> {
            runs.incrementAndGet();
            return rejection;
        });
        Idempotent<Map<String, Object>> again = idempotency.execute(new IdempotentCall("k1", "p", null), type, () -> {
            runs.incrementAndGet();
            return Map.of();
        });
        assertEquals(422, ((Number) again.result().get("status")).intValue());
        assertEquals(first.result().get("type"), again.result().get("type"));
        assertTrue(again.replayed());
        assertEquals(1, runs.get());
    }

    @Test
    void aRecordOlderThanItsExpiryCountsAsAbsent() {
        call("k1", "p");
        clock.advance(Duration.ofHours(25));
        Idempotent<String> later = call("k1", "p");
        assertFalse(later.replayed());
        assertEquals("result-2", later.result());
    }

    @Test
    void aMissingKeyIsAnErrorWhereOneIsRequired() {
        assertThrows(IdempotencyKeyMissingException.class, () -> call(null, "p"));
        assertThrows(IdempotencyKeyMissingException.class, () -> call(" ", "p"));
        assertEquals(0, runs.get());
    }

    @Test
    void thirtyTwoConcurrentCallersRunTheActionOnce() throws Exception {
        int callers = 32;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        AtomicInteger replayedOrFirst = new AtomicInteger();
        AtomicInteger inProgress = new AtomicInteger();
        try {
            var futures = new java.util.ArrayList<Future<?>>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    await(go);
                    try {
                        Idempotent<String> r = idempotency.execute(new IdempotentCall("storm", "p", Duration.ofSeconds(30)), STRING,
                                () -> "only-" + runs.incrementAndGet());
                        assertEquals("only-1", r.result());
                        replayedOrFirst.incrementAndGet();
                    } catch (IdempotencyRequestInProgressException e) {
                        inProgress.incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, runs.get());
        assertEquals(callers, replayedOrFirst.get() + inProgress.get());
        assertTrue(replayedOrFirst.get() >= 1);
    }

    @Test
    void storeUnavailableFailsBeforeTheActionRuns() {
        aws.stopDynamoDb();
        try {
            assertThrows(IdempotencyStoreUnavailableException.class, () -> call("k-down", "p"));
            assertEquals(0, runs.get());
        } finally {
            aws.startDynamoDb();
            aws.createIdempotencyTable(table);
        }
        assertEquals("result-1", call("k-down", "p").result());
    }

    @Test
    void theLocalCacheReplaysWithoutReadingTheStore() {
        try (ApplicationContext cached = ApplicationContext.builder().environments("test").properties(Map.of(
                "idempotency.table", table, "idempotency.scope", "cached-fn", "idempotency.local-cache-max-items", "16")).start()) {
            Idempotency withCache = cached.getBean(Idempotency.class);
            withCache.execute(new IdempotentCall("c1", "p", null), STRING, () -> "once");
            int puts = AwsCalls.count("PutItem");
            Idempotent<String> again = withCache.execute(new IdempotentCall("c1", "p", null), STRING, () -> "twice");
            assertEquals("once", again.result());
            assertTrue(again.replayed());
            assertEquals(puts, AwsCalls.count("PutItem"));
            assertThrows(IdempotencyKeyReusedException.class,
                    () -> withCache.execute(new IdempotentCall("c1", "other", null), STRING, () -> "x"));
        }
    }

    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
