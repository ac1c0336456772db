package io.partnerlink.coupons;

import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.AwsEndpointProxy;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static io.partnerlink.coupons.IbonusFake.coupon;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-client digest: a client whose digest vouches for what i-bonus lists costs no query of its items; any
 * change (content, expiry by the clock, withdrawal, balance) takes the full path for that client only; a digest never
 * outlives a change it did not see. Five clients on pages of two; SDK calls counted with {@link AwsCalls}.
 */
class ClientDigestTest extends FakeIbonusTest {

    static final long PAGES = 3; // clients 1-2, 3-4, 5

    SyncTestBed bed;
    IbonusFake ibonus;
    Instant inAnHour;

    @BeforeEach
    void start() {
        bed = new SyncTestBed(sandbox.baseUrl(), Map.of("coupons.sync.page-size", "2"));
        inAnHour = bed.clock.instant().plus(Duration.ofHours(1));
        ibonus = IbonusFake.fiveClients(sandbox, nextYear);
        ibonus.coupons.get(3L).set(0, coupon(31, inAnHour, "Cake")); // expires during the tests' clock
        ibonus.publish();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    /** A complete pass reads the client roster once, to find the clients i-bonus no longer lists. */
    static final int ROSTER_READ = 1;

    @Test
    void aRunOverUnchangedDataReadsOneDigestBatchPerPageAndNoClientsItems() {
        SyncSummary first = bed.run();
        assertEquals(5, bed.digests().size(), "every fully read client is vouched for");
        assertTrue(bed.digests().values().stream().allMatch(d -> d.get(ClientDigests.DIGEST) != null));
        Map<String, Map<String, AttributeValue>> before = bed.mirror();
        int queries = AwsCalls.count("Query");
        int batches = AwsCalls.count("BatchGetItem");
        int writes = SyncTestBed.writeCalls();

        SyncSummary second = bed.run();

        assertEquals(ROSTER_READ, AwsCalls.count("Query") - queries, "no client's items read");
        assertEquals(PAGES, AwsCalls.count("BatchGetItem") - batches);
        assertEquals(4, SyncTestBed.writeCalls() - writes, "bookkeeping only: idempotency claim and result, lease and its delete");
        assertEquals(0, second.writes());
        assertEquals(first.couponsSeen(), second.couponsSeen());
        assertEquals(first.couponsSeen(), second.unchanged());
        assertEquals(5, second.clientsScanned());
        assertEquals(before, bed.mirror());
    }

    enum Change { COUPON_EDITED, COUPON_WITHDRAWN, EXPIRED_BY_THE_CLOCK, BALANCE_MOVED }

    @ParameterizedTest
    @EnumSource(Change.class)
    void aChangedClientTakesTheFullPathOnceAndOnlyThatClient(Change change) {
        bed.run();
        switch (change) {
            case COUPON_EDITED -> ibonus.coupons.get(3L).set(0, coupon(31, inAnHour, "Cake, now with cream"));
            case COUPON_WITHDRAWN -> ibonus.coupons.get(3L).clear();
            case EXPIRED_BY_THE_CLOCK -> bed.clock.advance(Duration.ofHours(2)); // i-bonus lists the same coupon
            case BALANCE_MOVED -> ibonus.balances.put(3L, "[{\"amount\":7,\"currency\":\"points\"}]");
        }
        ibonus.publish();
        int queries = AwsCalls.count("Query");

        SyncSummary second = bed.run();

        assertEquals(ROSTER_READ + 1, AwsCalls.count("Query") - queries, "client 3's items read, no other client's");
        assertEquals(1, second.writes(), second.toString());
        Map<String, AttributeValue> cake = bed.mirror().get("CLIENT#3|COUPON#31");
        switch (change) {
            case COUPON_EDITED -> assertEquals("Cake, now with cream", cake.get("header").s());
            case COUPON_WITHDRAWN -> assertEquals("removed", status(cake));
            case EXPIRED_BY_THE_CLOCK -> assertEquals("expired", status(cake));
            case BALANCE_MOVED -> assertEquals("7", bed.mirror().get("CLIENT#3|BALANCE#points").get("amount").n());
        }
        queries = AwsCalls.count("Query");
        SyncSummary third = bed.run();
        assertEquals(0, third.writes());
        assertEquals(ROSTER_READ, AwsCalls.count("Query") - queries, "the new digest vouches for the change");
    }

    @Test
    void aFailedListWritesNoDigestSoTheNextRunReadsTheClientsItems() {
        bed.run();
        sandbox.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/ext/api/v1/clients/5/coupons/")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));
        ibonus.balances.put(5L, "[{\"amount\":12,\"currency\":\"points\"}]");
        sandbox.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/ext/api/v1/clients/5/balance/")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(ibonus.balances.get(5L))));

        SyncSummary faulty = bed.run();

        assertEquals(List.of(5L), faulty.errors().stream().map(SyncError::clientId).distinct().toList());
        assertEquals(1, faulty.writes(), "the balance that was read is written");
        assertNull(bed.digests().get("CLIENT#5").get(ClientDigests.DIGEST), "half a read vouches for nothing");
        assertEquals("active", status(bed.mirror().get("CLIENT#5|COUPON#52")), "a failed list removes nothing");

        ibonus.publish();
        int queries = AwsCalls.count("Query");
        SyncSummary recovered = bed.run();
        assertEquals(ROSTER_READ + 1, AwsCalls.count("Query") - queries);
        assertEquals(0, recovered.writes());
        assertNotNull(bed.digests().get("CLIENT#5").get(ClientDigests.DIGEST));
    }

    /**
     * The run dies after writing client 5's changes and before its digest (the digest write is dropped), and i-bonus
     * then goes back to what the old digest described. The old digest was withdrawn before the first item changed, so
     * the next run reads the client's items and puts them back.
     */
    @Test
    void aCrashBetweenItemsAndDigestIsRepairedByTheNextRun() {
        try (AwsEndpointProxy store = AwsEndpointProxy.to(LocalAws.get().dynamoDbEndpoint());
             SyncTestBed proxied = new SyncTestBed(sandbox.baseUrl(), Map.of("coupons.sync.page-size", "2"))) {
            store.building("aws.endpointUrlDynamoDb", () -> proxied.context.getBean(DynamoDbClient.class));
            proxied.run();
            Map<String, Map<String, AttributeValue>> before = proxied.mirror();
            List<String> was = new ArrayList<>(ibonus.coupons.get(5L));
            ibonus.coupons.get(5L).set(0, coupon(51, nextYear, "Bun with jam"));
            ibonus.coupons.get(5L).remove(1);
            ibonus.publish();
            store.dropCalls("DynamoDB_20120810.PutItem", "\"" + ClientDigests.DIGEST + "\":{\"S\":");

            assertThrows(RuntimeException.class, proxied::run, "the digest write fails: the invocation dies");
            assertEquals("Bun with jam", proxied.mirror().get("CLIENT#5|COUPON#51").get("header").s(), "the items were written");
            assertNull(proxied.digests().get("CLIENT#5").get(ClientDigests.DIGEST), "the old digest no longer vouches");

            store.up();
            ibonus.coupons.put(5L, was);
            ibonus.publish();
            SyncSummary repaired = proxied.invoke(SyncTestBed.scheduledEvent(UUID.randomUUID().toString()),
                    new TestLambdaContext("SyncCouponsFunction", Duration.ofSeconds(60)));

            assertTrue(repaired.complete(), repaired.toString());
            assertEquals(4, repaired.resumedFromOffset(), "the dead invocation saved its checkpoint at client 5's page");
            // The run's counts carry over: the dead invocation's two writes, then coupon 51 back and 52 active again.
            assertEquals(4, repaired.writes(), repaired.toString());
            Map<String, Map<String, AttributeValue>> after = proxied.mirror();
            assertEquals(before.keySet(), after.keySet());
            assertEquals("Bun", after.get("CLIENT#5|COUPON#51").get("header").s());
            assertEquals("active", status(after.get("CLIENT#5|COUPON#52")));
            assertFalse(after.get("CLIENT#5|COUPON#52").containsKey("removedAt"));
            assertEquals(0, proxied.run().writes());
        }
    }

    @Test
    void aDigestIsWrittenOnlyOverTheClaimItsSyncSaw() {
        ClientDigests digests = bed.context.getBean(ClientDigests.class);
        Instant now = bed.clock.instant();

        assertTrue(digests.vouch(7, "d1", null, now), "no digest item yet");
        assertFalse(digests.vouch(7, "d2", null, now), "another sync created it meanwhile");
        String claim = digests.read(List.of(7L)).get(7L).claim();
        String withdrawn = digests.withdraw(7);

        assertNull(digests.read(List.of(7L)).get(7L).digest());
        assertFalse(digests.vouch(7, "d3", claim, now), "withdrawn since it was seen");
        assertTrue(digests.vouch(7, "d3", withdrawn, now));
        assertEquals("d3", digests.read(List.of(7L)).get(7L).digest());
        assertFalse(digests.vouch(7, "d4", withdrawn, now), "each write sets a new claim");
    }

    @Test
    void digestsAreReadInBatchesOfAHundred() {
        ClientDigests digests = bed.context.getBean(ClientDigests.class);
        List<Long> ids = LongStream.rangeClosed(1000, 1249).boxed().toList();
        ids.stream().filter(id -> id % 2 == 0).forEach(id -> digests.vouch(id, "d" + id, null, bed.clock.instant()));
        int batches = AwsCalls.count("BatchGetItem");

        Map<Long, ClientDigests.Seen> seen = digests.read(ids);

        assertEquals(3, AwsCalls.count("BatchGetItem") - batches);
        assertEquals(125, seen.size());
        assertEquals("d1248", seen.get(1248L).digest());
        assertNull(seen.get(1249L));
    }
}
