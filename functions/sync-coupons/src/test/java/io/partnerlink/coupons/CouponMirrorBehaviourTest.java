package io.partnerlink.coupons;

import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.partnerlink.coupons.IbonusFake.coupon;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one run does to the mirror as the partner's data changes, on a five-client i-bonus with pages of two. */
class CouponMirrorBehaviourTest extends FakeIbonusTest {

    SyncTestBed bed;
    IbonusFake ibonus;

    @BeforeEach
    void start() {
        bed = new SyncTestBed(sandbox.baseUrl(), Map.of("coupons.sync.page-size", "2"));
        ibonus = IbonusFake.fiveClients(sandbox, nextYear);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void firstRunCreatesEveryCouponAndBalance() {
        SyncSummary first = bed.run();

        assertTrue(first.complete());
        assertEquals(5, first.clientsScanned());
        assertEquals(6, first.couponsSeen());
        assertEquals(6, first.created());
        assertEquals(5, first.balancesUpdated());
        assertEquals(11, first.writes());
        assertEquals(List.of(), first.errors());
        assertNull(first.resumedFromOffset());
        Map<String, Map<String, AttributeValue>> mirror = bed.mirror();
        assertEquals(11, mirror.size());
        Map<String, AttributeValue> coffee = mirror.get("CLIENT#1|COUPON#11");
        assertEquals("active", status(coffee));
        assertEquals("Coffee", coffee.get("header").s());
        assertEquals("<p>Show at the till</p>", coffee.get("shortDescription").s());
        assertEquals(Instant.ofEpochMilli(nextYear.toEpochMilli()).toString(), coffee.get("expireDate").s());
        assertEquals("000011", coffee.get("merchantToken").s());
        assertEquals(coffee.get("firstSeenAt"), coffee.get("lastChangedAt"));
        assertEquals(64, coffee.get("contentHash").s().length());
        assertEquals("expired", status(mirror.get("CLIENT#4|COUPON#41")));
        // DynamoDB numbers carry no scale: 1.50 reads back as 1.5, the same amount.
        assertEquals(0, new BigDecimal("1.50").compareTo(new BigDecimal(mirror.get("CLIENT#1|BALANCE#points").get("amount").n())));
        assertTrue(bed.checkpoints().isEmpty(), "a complete run leaves no checkpoint");
    }

    @Test
    void aSecondRunWithoutChangesWritesNothing() {
        bed.run();
        Map<String, Map<String, AttributeValue>> before = bed.mirror();
        bed.clock.advance(Duration.ofMinutes(15));
        int writes = SyncTestBed.writeCalls();

        SyncSummary second = bed.run();

        assertEquals(0, second.writes());
        assertEquals(6, second.unchanged());
        assertEquals(0, second.created() + second.updated() + second.expired() + second.removed() + second.balancesUpdated());
        assertEquals(before, bed.mirror());
        // Bookkeeping only: idempotency record claimed and completed, checkpoint leased and deleted.
        assertEquals(4, SyncTestBed.writeCalls() - writes);
    }

    @Test
    void aChangedCouponUpdatesExactlyThatItem() {
        bed.run();
        Map<String, Map<String, AttributeValue>> before = bed.mirror();
        ibonus.coupons.get(3L).set(0, coupon(31, nextYear, "Cake, now with cream"));
        ibonus.publish();
        bed.clock.advance(Duration.ofMinutes(15));

        SyncSummary second = bed.run();

        assertEquals(1, second.updated());
        assertEquals(1, second.writes());
        Map<String, Map<String, AttributeValue>> after = bed.mirror();
        Map<String, AttributeValue> cake = after.get("CLIENT#3|COUPON#31");
        assertEquals("Cake, now with cream", cake.get("header").s());
        assertEquals(before.get("CLIENT#3|COUPON#31").get("firstSeenAt"), cake.get("firstSeenAt"));
        assertNotEquals(before.get("CLIENT#3|COUPON#31").get("lastChangedAt"), cake.get("lastChangedAt"));
        after.remove("CLIENT#3|COUPON#31");
        before.remove("CLIENT#3|COUPON#31");
        assertEquals(before, after);
    }

    @Test
    void aVanishedCouponIsMarkedRemovedAndKeptAndANewOneIsCreated() {
        bed.run();
        ibonus.coupons.get(5L).remove(1);
        ibonus.coupons.get(2L).add(coupon(21, nextYear, "Welcome"));
        ibonus.publish();
        bed.clock.advance(Duration.ofMinutes(15));

        SyncSummary second = bed.run();

        assertEquals(1, second.removed());
        assertEquals(1, second.created());
        assertEquals(2, second.writes());
        Map<String, AttributeValue> juice = bed.mirror().get("CLIENT#5|COUPON#52");
        assertEquals("removed", status(juice));
        assertEquals(bed.clock.instant().getEpochSecond(), Instant.parse(juice.get("removedAt").s()).getEpochSecond(), 5);
        assertEquals("Juice", juice.get("header").s());
        assertEquals("active", status(bed.mirror().get("CLIENT#2|COUPON#21")));

        SyncSummary third = bed.run();
        assertEquals(0, third.writes(), "a removed coupon stays removed without being written again");
    }

    @Test
    void aRemovedCouponThatComesBackIsActiveAgain() {
        bed.run();
        String tea = ibonus.coupons.get(1L).remove(1);
        ibonus.publish();
        bed.run();
        ibonus.coupons.get(1L).add(tea);
        ibonus.publish();

        SyncSummary third = bed.run();

        assertEquals(1, third.updated());
        Map<String, AttributeValue> item = bed.mirror().get("CLIENT#1|COUPON#12");
        assertEquals("active", status(item));
        assertFalse(item.containsKey("removedAt"));
    }

    @Test
    void expiryFlipsTheStatusOnceTheClockPassesExpireDate() {
        Instant soon = bed.clock.instant().plus(Duration.ofHours(1));
        ibonus.coupons.get(3L).set(0, coupon(31, soon, "Cake"));
        ibonus.publish();
        assertEquals("active", status(mirrorAfterRun().get("CLIENT#3|COUPON#31")));

        bed.clock.advance(Duration.ofHours(2));
        SyncSummary later = bed.run();

        assertEquals(1, later.expired());
        assertEquals(0, later.updated());
        assertEquals(1, later.writes());
        assertEquals("expired", status(bed.mirror().get("CLIENT#3|COUPON#31")));
        assertEquals(0, bed.run().writes(), "an expired coupon is written once, when it flips");
    }

    @Test
    void aChangedBalanceIsWrittenAndAnEqualAmountInAnotherScaleIsNot() {
        bed.run();
        ibonus.balances.put(1L, "[{\"amount\":1.5000,\"currency\":\"points\"}]");
        ibonus.balances.put(2L, "[{\"amount\":99.99,\"currency\":\"points\"},{\"amount\":10,\"currency\":\"rubles\"}]");
        ibonus.publish();

        SyncSummary second = bed.run();

        assertEquals(2, second.balancesUpdated());
        assertEquals(2, second.writes());
        assertEquals("99.99", bed.mirror().get("CLIENT#2|BALANCE#points").get("amount").n());
        assertEquals("10", bed.mirror().get("CLIENT#2|BALANCE#rubles").get("amount").n());
    }

    @Test
    void aFullResyncRewritesEveryItemWithoutChangingItsTimes() {
        bed.run();
        Map<String, Map<String, AttributeValue>> before = bed.mirror();
        bed.clock.advance(Duration.ofMinutes(15));

        SyncSummary full = bed.invoke("{\"fullResync\":true}", TestLambdaContext.of("SyncCouponsFunction"));

        assertTrue(full.complete());
        assertEquals(11, full.writes());
        assertEquals(6, full.unchanged());
        assertEquals(before, bed.mirror());
    }

    @Test
    void aShopFindsACouponByItsTokenWithOneQuery() {
        bed.run();
        String token = bed.mirror().get("CLIENT#5|COUPON#51").get("token").s();
        try (var ddb = bed.aws.dynamoDb()) {
            var found = ddb.query(r -> r.tableName(bed.couponsTable).indexName("token-index")
                    .keyConditionExpression("#t = :t").expressionAttributeNames(Map.of("#t", "token"))
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(token)))).items();
            assertEquals(1, found.size());
            assertEquals("COUPON#51", found.get(0).get("sk").s());
            assertEquals("5", found.get(0).get("clientId").n());
        }
    }

    private Map<String, Map<String, AttributeValue>> mirrorAfterRun() {
        bed.run();
        return bed.mirror();
    }
}
