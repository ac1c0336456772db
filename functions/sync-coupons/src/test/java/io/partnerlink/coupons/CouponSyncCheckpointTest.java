package io.partnerlink.coupons;

import com.amazonaws.services.lambda.runtime.Context;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.partnerlink.coupons.IbonusFake.coupon;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run cut short by the Lambda's remaining time checkpoints, and the following invocations finish it with exactly
 * the end state (and the run totals) of an uninterrupted run, removals included.
 */
class CouponSyncCheckpointTest extends FakeIbonusTest {

    static final int CLIENTS = 40;
    static final int PAGE = 10;
    IbonusFake ibonus;
    final List<SyncTestBed> beds = new ArrayList<>();

    @BeforeEach
    void partnerData() {
        ibonus = new IbonusFake(sandbox, PAGE);
        for (long id = 1; id <= CLIENTS; id++) {
            List<String> list = new ArrayList<>();
            for (long c = 0; c < id % 4; c++) {
                list.add(coupon(id * 100 + c, c == 2 ? Instant.parse("2023-01-01T00:00:00Z") : nextYear, "Coupon " + c));
            }
            ibonus.client(id, list.toArray(String[]::new));
        }
        ibonus.publish();
    }

    @AfterEach
    void stop() {
        beds.forEach(SyncTestBed::close);
    }

    SyncTestBed bed(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("coupons.sync.page-size", Integer.toString(PAGE)));
        properties.putAll(extra);
        SyncTestBed bed = new SyncTestBed(sandbox.baseUrl(), properties);
        beds.add(bed);
        return bed;
    }

    /** The partner's second state: some coupons gone, some new, one changed. */
    void partnerChanges() {
        ibonus.coupons.get(7L).clear();
        ibonus.coupons.get(22L).add(coupon(2299, nextYear, "New"));
        ibonus.coupons.get(35L).set(0, coupon(3500, nextYear, "Changed"));
        ibonus.coupons.get(39L).remove(2);
        ibonus.publish();
    }

    static Map<String, Map<String, AttributeValue>> withoutTimes(Map<String, Map<String, AttributeValue>> mirror) {
        Map<String, Map<String, AttributeValue>> stripped = new TreeMap<>();
        mirror.forEach((key, item) -> {
            Map<String, AttributeValue> copy = new HashMap<>(item);
            copy.keySet().removeAll(List.of("firstSeenAt", "lastChangedAt", "removedAt"));
            copy.put("hasRemovedAt", AttributeValue.fromBool(item.containsKey("removedAt")));
            stripped.put(key, copy);
        });
        return stripped;
    }

    /**
     * A Lambda context whose remaining time is ample for the first {@code ampleAnswers} questions and then
     * {@code lowMillis}: an invocation cut short at a reproducible point, without waiting for a clock.
     */
    static Context countdown(int ampleAnswers, int lowMillis) {
        Context real = TestLambdaContext.of("SyncCouponsFunction");
        AtomicInteger asked = new AtomicInteger();
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis")
                        ? (asked.incrementAndGet() <= ampleAnswers ? 600_000 : lowMillis)
                        : method.invoke(real, args));
    }

    /** Invokes with fresh event ids until the run completes; returns every summary. */
    static List<SyncSummary> untilComplete(SyncTestBed bed, Supplier<Context> lambda) {
        List<SyncSummary> summaries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            SyncSummary summary = bed.invoke(SyncTestBed.scheduledEvent(UUID.randomUUID().toString()), lambda.get());
            summaries.add(summary);
            if (summary.complete()) {
                return summaries;
            }
        }
        throw new AssertionError("the run did not complete in 100 invocations: " + summaries.get(summaries.size() - 1));
    }

    static void assertSameTotals(SyncSummary expected, SyncSummary actual) {
        assertEquals(List.of(expected.clientsScanned(), expected.couponsSeen(), expected.created(), expected.updated(),
                        expected.unchanged(), expected.expired(), expected.removed(), expected.balancesUpdated(), expected.writes()),
                List.of(actual.clientsScanned(), actual.couponsSeen(), actual.created(), actual.updated(),
                        actual.unchanged(), actual.expired(), actual.removed(), actual.balancesUpdated(), actual.writes()));
    }

    @Test
    void aRunCutShortResumesToTheEndStateOfAnUninterruptedRun() {
        SyncTestBed whole = bed(Map.of());
        SyncTestBed cut = bed(Map.of());
        whole.run();
        cut.run();
        partnerChanges();

        SyncSummary reference = whole.run();
        List<SyncSummary> pieces = untilComplete(cut, () -> countdown(16, 1000));

        assertTrue(pieces.size() >= 3, "cut into " + pieces.size() + " invocations");
        SyncSummary first = pieces.get(0);
        assertFalse(first.complete());
        assertNull(first.resumedFromOffset());
        assertTrue(first.clientsScanned() > 0 && first.clientsScanned() < CLIENTS, first.toString());
        for (int i = 1; i < pieces.size(); i++) {
            assertEquals(pieces.get(0).runId(), pieces.get(i).runId(), "one run across its invocations");
            assertEquals(Integer.valueOf(pieces.get(i - 1).clientsScanned()), pieces.get(i).resumedFromOffset());
        }
        assertTrue(reference.removed() == 4 && reference.created() == 1 && reference.updated() == 1, reference.toString());
        assertSameTotals(reference, pieces.get(pieces.size() - 1));
        assertEquals(withoutTimes(whole.mirror()), withoutTimes(cut.mirror()));
        assertTrue(cut.checkpoints().isEmpty());
    }

    @Test
    void aShortRealRemainingTimeWithSlowPartnerCallsCheckpointsAndTheRunCompletes() {
        SyncTestBed whole = bed(Map.of());
        SyncTestBed cut = bed(Map.of("coupons.sync.safety-margin", "1s", "coupons.sync.concurrency", "2"));
        SyncSummary reference = whole.run();
        // Every coupon list takes 100 ms: 40 clients two at a time need about 2 s, the invocation has 1.5 s.
        ibonus.coupons.forEach((id, list) -> sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/" + id + "/coupons/"))
                .willReturn(okJson("[" + String.join(",", list) + "]").withFixedDelay(100))));

        List<SyncSummary> pieces = untilComplete(cut,
                () -> new TestLambdaContext("SyncCouponsFunction", Duration.ofMillis(2500)));

        assertTrue(pieces.size() >= 2, "cut into " + pieces.size() + " invocations");
        assertFalse(pieces.get(0).complete());
        assertSameTotals(reference, pieces.get(pieces.size() - 1));
        assertEquals(withoutTimes(whole.mirror()), withoutTimes(cut.mirror()));
    }
}
