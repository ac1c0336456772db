package io.partnerlink.coupons;

import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.partnerlink.coupons.IbonusFake.coupon;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, points 1 and 6 and "bad input from partners", through the real handler against WireMock, DynamoDB
 * Local and moto: the client list is paged by what arrived and only its end completes a run; a page that cannot be
 * trusted ends the run with its error; after a complete pass the clients no longer listed have their coupons marked
 * {@code orphaned}, never deleted.
 */
class ClientListingTest extends FakeIbonusTest {

    SyncTestBed bed;
    IbonusFake ibonus;

    void start(int pageSize, int serverCap, int clients, Map<String, String> extra) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of("coupons.sync.page-size", Integer.toString(pageSize)));
        properties.putAll(extra);
        bed = new SyncTestBed(sandbox.baseUrl(), properties);
        ibonus = new IbonusFake(sandbox, pageSize);
        ibonus.serverCap = serverCap;
        for (long id = 1; id <= clients; id++) {
            ibonus.client(id, coupon(id * 10, nextYear, "Coupon of " + id));
        }
        ibonus.publish();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    /** Five clients mirrored, then i-bonus stops listing {@code gone}. */
    void mirrorFiveThenDrop(long gone) {
        start(2, Integer.MAX_VALUE, 5, Map.of());
        bed.run();
        ibonus.coupons.remove(gone);
        ibonus.balances.remove(gone);
        ibonus.publish();
    }

    int clientPageRequests() {
        return ibonus.requests("/ext/api/v1/clients/?");
    }

    @Test
    void aServerCappingPagesAt50Over120ClientsIsMirroredWholeAndCompleteOnlyAtTheEmptyPage() {
        start(100, 50, 120, Map.of());

        SyncSummary run = bed.run();

        assertTrue(run.complete(), run.toString());
        assertEquals(120, run.clientsScanned());
        assertEquals(120, run.created());
        assertEquals(120, bed.mirror().keySet().stream().filter(k -> k.contains("|COUPON#")).count());
        assertEquals(4, clientPageRequests(), "offsets 0, 50, 100 and 120 (empty)");
        for (String offset : List.of("0", "50", "100", "120")) {
            assertEquals(1, sandbox.wireMock().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo("/ext/api/v1/clients/")).withQueryParam("offset", equalTo(offset))).size(), "offset " + offset);
        }
    }

    @Test
    void aListCutShortIsNotCompleteAndTheNextInvocationFinishesIt() {
        start(100, 50, 120, Map.of());
        sandbox.wireMock().stubFor(get(urlPathEqualTo("/ext/api/v1/clients/")).withQueryParam("offset", equalTo("100"))
                .atPriority(1).willReturn(aResponse().withStatus(503)));

        SyncSummary cut = bed.run();
        assertFalse(cut.complete());
        assertEquals(100, cut.clientsScanned());

        ibonus.publish();
        SyncSummary resumed = bed.run();
        assertTrue(resumed.complete());
        assertEquals(Integer.valueOf(100), resumed.resumedFromOffset());
        assertEquals(120, resumed.clientsScanned());
        assertEquals(0, resumed.orphaned(), "clients listed by the first invocation are not vanished");
        assertEquals(List.of(), bed.listedChunks(), "the run's list of seen clients goes with it");
    }

    @Test
    void everyUntrustworthyPageEndsTheRunIncompleteWithItsErrorAndMarksNoClientVanished() {
        String one = "{\"id\":1}";
        String two = "{\"id\":2}";
        Map<String, List<String>> bad = Map.of(
                "3 clients arrived for a limit of 2", List.of("[" + one + "," + two + ",{\"id\":3}]"),
                "ibonus list clients answered unreadable data: a client has no id", List.of("[" + one + ",{\"email\":\"x@y\"}]"),
                "the page repeats the previous one (offset ignored?)", List.of("[" + one + "," + two + "]", "[" + one + "," + two + "]"),
                "client 2 is listed twice", List.of("[" + one + "," + two + "]", "[{\"id\":3}," + two + "]"));
        bad.forEach((problem, pages) -> {
            start(2, Integer.MAX_VALUE, 4, Map.of());
            bed.run(); // four clients mirrored and enrolled
            for (int i = 0; i < pages.size(); i++) {
                sandbox.wireMock().stubFor(get(urlPathEqualTo("/ext/api/v1/clients/")).withQueryParam("offset", equalTo(Integer.toString(2 * i)))
                        .atPriority(1).willReturn(okJson(pages.get(i))));
            }

            SyncSummary run = bed.run();

            assertFalse(run.complete(), problem);
            assertTrue(run.errors().stream().anyMatch(e -> e.message().endsWith(problem)), problem + ": " + run.errors());
            assertEquals(0, run.orphaned(), problem);
            assertTrue(bed.roster().values().stream().noneMatch(marked -> marked), problem);
            assertEquals(List.of(), bed.checkpoints(), problem + ": the next trigger starts over");
            bed.close();
        });
        start(2, Integer.MAX_VALUE, 1, Map.of()); // closed by stop()
    }

    @Test
    void aListThatDoesNotEndWithinTheBoundStopsWithAnError() {
        start(2, Integer.MAX_VALUE, 6, Map.of("coupons.sync.max-clients", "4"));

        SyncSummary run = bed.run();

        assertFalse(run.complete());
        assertEquals(4, run.clientsScanned());
        assertTrue(run.errors().getFirst().message().contains("did not end within 4 clients"), run.errors().toString());
    }

    @Test
    void aVanishedClientsCouponsAreMarkedOrphanedNeverDeletedAndComeBackWithTheClient() {
        mirrorFiveThenDrop(3L);

        SyncSummary vanished = bed.run();

        assertTrue(vanished.complete());
        assertEquals(1, vanished.clientsVanished());
        assertEquals(1, vanished.orphaned());
        assertEquals("orphaned", status(bed.mirror().get("CLIENT#3|COUPON#30")), "kept, marked");
        assertEquals("orphaned", status(bed.mirror().get("CLIENT#3|BALANCE#points")), "never shown as spendable");
        assertTrue(bed.mirror().get("CLIENT#3|COUPON#30").containsKey("orphanedAt"));
        assertEquals("active", status(bed.mirror().get("CLIENT#4|COUPON#40")));
        assertEquals(Map.of(1L, false, 2L, false, 3L, true, 4L, false, 5L, false), bed.roster());

        SyncSummary again = bed.run();
        assertEquals(0, again.clientsVanished(), "marked once");
        assertEquals(0, again.writes());

        ibonus.client(3, coupon(30, nextYear, "Coupon of 3"));
        ibonus.publish();
        SyncSummary back = bed.run();
        assertEquals("active", status(bed.mirror().get("CLIENT#3|COUPON#30")), "listed again: live again");
        assertEquals("active", status(bed.mirror().get("CLIENT#3|BALANCE#points")));
        assertEquals(false, bed.roster().get(3L));
        assertEquals(0, back.clientsVanished());
    }

    @Test
    void anIncompletePassOrAFilteredRunMarksNobodyVanished() {
        mirrorFiveThenDrop(5L);
        sandbox.wireMock().stubFor(get(urlPathEqualTo("/ext/api/v1/clients/")).withQueryParam("offset", equalTo("4"))
                .atPriority(1).willReturn(aResponse().withStatus(500)));

        SyncSummary cut = bed.run();
        assertFalse(cut.complete());
        assertEquals(0, cut.clientsVanished());

        String filtered = "{\"id\":\"" + UUID.randomUUID() + "\",\"email\":\"c1@shop.example\"}";
        sandbox.wireMock().stubFor(get(urlPathEqualTo("/ext/api/v1/clients/")).withQueryParam("email", equalTo("c1@shop.example"))
                .atPriority(1).willReturn(okJson("[{\"id\":1}]")));
        SyncSummary narrow = bed.invoke(filtered, new TestLambdaContext("SyncCouponsFunction", Duration.ofSeconds(60)));
        assertEquals(0, narrow.clientsVanished(), "a filtered list says nothing about the others: " + narrow);
        assertTrue(bed.roster().values().stream().noneMatch(marked -> marked));
    }
}
