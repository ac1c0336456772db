package io.partnerlink.coupons;

import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.LogCapture;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.partnerlink.coupons.IbonusFake.coupon;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partner faults and repeated triggers: what is kept, what is reported, when the run stops or resumes. */
class CouponSyncFaultsTest extends FakeIbonusTest {

    SyncTestBed bed;
    IbonusFake ibonus;

    @BeforeEach
    void start() {
        bed = new SyncTestBed(sandbox.baseUrl(), Map.of("coupons.sync.page-size", "2"));
        ibonus = new IbonusFake(sandbox, 2);
        ibonus.client(1, coupon(11, nextYear, "Coffee"));
        ibonus.client(2, coupon(21, nextYear, "Tea"));
        ibonus.client(3, coupon(31, nextYear, "Cake"), coupon(32, nextYear, "Pie"));
        ibonus.client(4, coupon(41, nextYear, "Bun"));
        ibonus.client(5, coupon(51, nextYear, "Juice"), coupon(52, nextYear, "Soda"));
        ibonus.publish();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    void coupons(long clientId, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/" + clientId + "/coupons/")).willReturn(answer));
    }

    @Test
    void aClientWhoseCouponsCallFailsKeepsItsCouponsAndIsReported() {
        bed.run();
        ibonus.coupons.get(3L).clear(); // would remove both, if the failed call counted as an empty list
        ibonus.publish();
        coupons(3, aResponse().withStatus(503));

        SyncSummary second = bed.run();

        assertTrue(second.complete());
        assertEquals(List.of(new SyncError(3L, 503, "coupons: ibonus list coupons answered HTTP 503")), second.errors());
        assertEquals(0, second.removed());
        assertEquals("active", status(bed.mirror().get("CLIENT#3|COUPON#31")));
        assertEquals("active", status(bed.mirror().get("CLIENT#3|COUPON#32")));
        assertEquals(3, ibonus.requests("/ext/api/v1/clients/3/coupons/"), "retried, then given up");
    }

    @Test
    void unreadableCouponListsAreReportedPerClientAndTheRunGoesOn() {
        bed.run();
        sandbox.wireMock().resetRequests();
        coupons(1, aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>"));
        coupons(2, okJson("[{\"title\":\"no id\",\"expireDate\":1924992000000}]"));
        coupons(3, okJson("[{\"id\":31,\"expireDate\":\"2031-01-01\"}]"));

        SyncSummary second = bed.run();

        assertTrue(second.complete());
        assertEquals(5, second.clientsScanned());
        assertEquals(List.of(
                new SyncError(1L, 200, "coupons: ibonus list coupons answered unreadable data: the answer is not JSON"),
                new SyncError(2L, 200, "coupons: ibonus list coupons answered unreadable data: a coupon has no id"),
                new SyncError(3L, 200, "coupons: ibonus list coupons answered unreadable data: coupon 31: expireDate is not epoch milliseconds")),
                second.errors().stream().sorted((a, b) -> Long.compare(a.clientId(), b.clientId())).toList());
        assertEquals(0, second.writes());
        assertEquals(1, ibonus.requests("/ext/api/v1/clients/1/coupons/"), "an unreadable answer is not retried");
    }

    @Test
    void an401RereadsTheSecretOnceThenStopsTheRunWithoutRemovingAndTheNextRunResumes() {
        bed.run();
        ibonus.coupons.get(5L).remove(1); // a real removal, after the point where the run will stop
        ibonus.publish();
        coupons(3, aResponse().withStatus(401).withBody("{\"status\":401,\"message\":\"Bad credentials\"}"));
        int secretReads = AwsCalls.count("GetSecretValue");

        SyncStoppedException stopped = assertThrows(SyncStoppedException.class, bed::run);

        assertTrue(stopped.getMessage().startsWith("i-bonus refused the credentials (HTTP 401), also after the secret was read again"), stopped.getMessage());
        assertTrue(stopped.getMessage().contains("stopped at client offset 2"), stopped.getMessage());
        assertEquals(1, AwsCalls.count("GetSecretValue") - secretReads, "the secret is read again once");
        assertEquals(2, ibonus.requests("/ext/api/v1/clients/3/coupons/"));
        assertEquals("active", status(bed.mirror().get("CLIENT#5|COUPON#52")), "nothing removed by a stopped run");
        assertEquals(1, bed.checkpoints().size());

        ibonus.publish(); // credentials accepted again
        SyncSummary resumed = bed.run();

        assertTrue(resumed.complete());
        assertEquals(Integer.valueOf(2), resumed.resumedFromOffset());
        assertEquals("removed", status(bed.mirror().get("CLIENT#5|COUPON#52")));
        assertEquals(0, ibonus.requests("/ext/api/v1/clients/1/"), "clients before the checkpoint are not read again");
        assertTrue(bed.checkpoints().isEmpty());
    }

    @Test
    void theSameEventIdTwiceRunsOnceAndReplaysTheSummary() {
        String event = SyncTestBed.scheduledEvent(UUID.randomUUID().toString());
        SyncSummary first = bed.invoke(event, TestLambdaContext.of("SyncCouponsFunction"));
        int partnerCalls = sandbox.wireMock().getAllServeEvents().size();

        SyncSummary again = bed.invoke(event, TestLambdaContext.of("SyncCouponsFunction"));

        assertEquals(first, again);
        assertEquals(partnerCalls, sandbox.wireMock().getAllServeEvents().size());
        assertEquals(7, first.created());
    }

    @Test
    void badManualEventsAreRefusedBeforeAnyPartnerCall() {
        List<String> bad = List.of(
                "{\"emial\":\"%@shop.example\"}",
                "{\"fullResync\":\"yes\"}",
                "{\"fullResync\":\"true\"}",
                "{\"fullResync\":1}",
                "{\"email\":42}",
                "{\"id\":7,\"detail\":{}}",
                "{\"email\":[\"%@shop.example\"]}",
                "{\"phone\":\"+7 912\"}",
                "{\"email\":\"a@b.c\",\"detail\":{\"phone\":\"7912%\"}}",
                "{\"detail\":{\"fullResync\":true,\"extra\":1}}",
                "[1,2]",
                "not json");
        for (String event : bad) {
            InvalidSyncEventException e = assertThrows(InvalidSyncEventException.class,
                    () -> bed.invoke(event, TestLambdaContext.of("SyncCouponsFunction")), event);
            assertTrue(e.getMessage().startsWith("Invalid sync event: "), e.getMessage());
        }
        assertEquals(0, sandbox.wireMock().getAllServeEvents().size());
        assertTrue(LocalAws.get().scan(bed.idempotencyTable).isEmpty());
    }

    @Test
    void aRunHeldByAnotherLiveInvocationIsNotStartedTwice() {
        bed.context.getBean(RunCheckpoints.class).save(Checkpoint.fresh("other-run", new SyncRequest(null, true, null, null, false),
                bed.clock.instant(), 0).leasedTo("other-invocation", bed.clock.instant().plus(Duration.ofMinutes(10))));

        SyncSummary busy = bed.run();

        assertFalse(busy.complete());
        assertEquals(409, busy.errors().get(0).status());
        assertEquals(0, sandbox.wireMock().getAllServeEvents().size());
        bed.clock.advance(Duration.ofMinutes(11));
        SyncSummary later = bed.run();
        assertTrue(later.complete(), "an expired lease is taken over");
        assertEquals("other-run", later.runId());
    }

    @Test
    void anUnavailableClientListPausesTheRunWhereItStopped() {
        sandbox.wireMock().stubFor(get(urlPathEqualTo("/ext/api/v1/clients/")).withQueryParam("offset", equalTo("2"))
                .willReturn(aResponse().withStatus(502)));

        SyncSummary first = bed.run();

        assertFalse(first.complete());
        assertEquals(2, first.clientsScanned());
        assertEquals(new SyncError(null, 502, "client list at offset 2: ibonus list clients answered HTTP 502"), first.errors().get(0));
        ibonus.publish();
        SyncSummary second = bed.run();
        assertTrue(second.complete());
        assertEquals(Integer.valueOf(2), second.resumedFromOffset());
        assertEquals(5, second.clientsScanned(), "counts add up over the run's invocations");
        assertEquals(7, second.created());
        assertEquals(1, second.errors().size(), "the first invocation's error stays in the run's summary");
    }

    @Test
    void anUnreadableClientPageEndsTheRunIncompleteWithItsErrorAndMarksNoClientVanished() {
        bed.run();
        sandbox.wireMock().stubFor(get(urlPathEqualTo("/ext/api/v1/clients/")).withQueryParam("offset", equalTo("2"))
                .willReturn(okJson("{\"oops\":true}")));

        SyncSummary run = bed.run();

        // How many clients the page held is unknown, so no offset past it can be trusted: the run ends there.
        assertFalse(run.complete());
        assertEquals(2, run.clientsScanned());
        assertEquals(new SyncError(null, 200, "client list at offset 2: ibonus list clients answered unreadable data: the answer is not a JSON array"),
                run.errors().get(0));
        assertEquals(0, run.orphaned(), "clients past the unreadable page are not taken for vanished");
        assertTrue(bed.roster().values().stream().noneMatch(marked -> marked));
        assertEquals(List.of(), bed.checkpoints(), "the next trigger starts over");
    }

    @Test
    void logsCarryNeitherTheSecretNorCouponTokens() {
        try (LogCapture logs = LogCapture.attach()) {
            bed.run();
            assertEquals(List.of(), logs.linesContaining("demo-password"));
            assertEquals(List.of(), logs.linesContaining(bed.mirror().get("CLIENT#1|COUPON#11").get("token").s()));
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("Sync summary")), "the summary is logged");
        }
    }
}
