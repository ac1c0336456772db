package io.partnerlink.renewal;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.json.tree.JsonNode;
import io.partnerlink.shared.idempotency.Idempotency;
import io.partnerlink.shared.idempotency.IdempotencyKeys;
import io.partnerlink.shared.idempotency.IdempotencyRecord;
import io.partnerlink.shared.idempotency.IdempotencyStore;
import io.partnerlink.testsupport.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.partnerlink.renewal.RenewalTestBed.API;
import static io.partnerlink.renewal.RenewalTestBed.DRY_RUN;
import static io.partnerlink.renewal.RenewalTestBed.SCHEDULED;
import static io.partnerlink.renewal.RenewalTestBed.domain;
import static io.partnerlink.renewal.RenewalTestBed.expiresIn;
import static io.partnerlink.renewal.RenewalTestBed.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily run through the real handler: which domains get an order, and never two per expiry date. */
class ScheduledRenewalTest {

    static final String DUE_A = domain("gallery.art", "c-1", expiresIn(Duration.ofDays(10)), 60, "renew", "transfer_to_client");
    static final String DUE_B = domain("studio.art", "c-2", expiresIn(Duration.ofDays(20)), 6, "renew");
    static final String NO_RIGHT = domain("locked.art", "c-1", expiresIn(Duration.ofDays(5)), 60, "transfer_to_client");
    static final String FAR = domain("far.art", "c-1", expiresIn(Duration.ofDays(300)), 60, "renew");
    static final String OPEN = domain("pending.art", "c-1", expiresIn(Duration.ofDays(15)), 60, "renew");
    static final String UNDATED = domain("undated.art", "c-1", null, 60, "renew");

    RenewalTestBed bed;

    RenewalTestBed start(Map<String, Object> extra, String... domains) {
        bed = new RenewalTestBed(extra).withStore(domains);
        bed.acceptsOrder("gallery.art", "o-gallery");
        bed.acceptsOrder("studio.art", "o-studio");
        bed.hasOpenOrder("pending.art", "o-pending", "unpaid");
        return bed;
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void dueDomainsGetExactlyOneOrderEachAndTheOthersNone() {
        start(Map.of(), DUE_A, DUE_B, NO_RIGHT, FAR, OPEN, UNDATED);
        JsonNode summary;
        try (LogCapture logs = LogCapture.attach()) {
            summary = bed.run(SCHEDULED);
            assertTrue(logs.linesContaining(RenewalTestBed.CLIENT_SECRET).isEmpty());
            assertTrue(logs.linesContaining("tok-1").isEmpty());
            assertTrue(logs.linesContaining("ref-1").isEmpty());
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("Renewal summary") && l.contains("o-gallery")));
        }

        assertEquals(6, summary.get("scanned").getIntValue());
        assertEquals(3, summary.get("due").getIntValue());
        assertEquals(List.of("gallery.art", "studio.art"), names(summary.get("ordered"), "domain"));
        JsonNode gallery = summary.get("ordered").get(0);
        assertEquals("o-gallery", gallery.get("orderId").getStringValue());
        assertEquals("inv-o-gallery", gallery.get("invoiceId").getStringValue());
        assertEquals(12, gallery.get("period").getIntValue());
        assertEquals(6, summary.get("ordered").get(1).get("period").getIntValue(), "never above max_renew");
        assertEquals(List.of("locked.art", "pending.art"), names(summary.get("skipped"), "domain"));
        assertEquals(List.of("no-renew-right", "open-order"), names(summary.get("skipped"), "reason"));
        assertEquals(0, summary.get("failed").size());

        assertEquals(1, bed.ordersPlacedFor("gallery.art"));
        assertEquals(1, bed.ordersPlacedFor("studio.art"));
        assertEquals(2, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
        // Each domain's own contact: its client's store contact with the domain contact's e-mail; never the default.
        assertEquals(1, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders")).withRequestBody(equalToJson(
                "{\"items\":[{\"service_type\":\"certificate_renewal\",\"domain\":\"gallery.art\",\"promo\":\"\",\"period\":12,"
                        + "\"contact\":" + RenewalTestBed.CLIENT_CONTACT + "}]}"))));
        assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))
                .withRequestBody(matchingJsonPath("$.items[0].contact.email", equalTo("domains@company.example")))));
        assertEquals(Map.of("active", 6), Map.of("active", summary.get("byStatus").get("active").getIntValue()));
        assertEquals(0, summary.get("lost").size());
    }

    @Test
    void theSameRunTwiceOrdersOncePerDomainAndExpiryDate() {
        start(Map.of(), DUE_A, DUE_B);
        bed.run(SCHEDULED);
        JsonNode second = bed.run(SCHEDULED);

        assertEquals(0, second.get("ordered").size());
        assertEquals(List.of("already-ordered", "already-ordered"), names(second.get("skipped"), "reason"));
        assertEquals(List.of("o-gallery", "o-studio"), names(second.get("skipped"), "orderId"));
        assertEquals(1, bed.ordersPlacedFor("gallery.art"));
        assertEquals(1, bed.ordersPlacedFor("studio.art"));
    }

    @Test
    void twoRunsAtOnceOrderOncePerDomain() throws Exception {
        start(Map.of(), DUE_A, DUE_B);
        // Slow order creation widens the overlap; the outcome must not depend on it.
        bed.stub(post(urlEqualTo(API + "/store/orders")).withRequestBody(matchingJsonPath("$.items[0].domain", equalTo("gallery.art")))
                .willReturn(okJson("{\"id\":\"o-gallery\"}").withFixedDelay(400)));
        RequestStreamHandler other = bed.newHandler();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<JsonNode> one = pool.submit(() -> {
                go.await();
                return RenewalTestBed.run(bed.handler, SCHEDULED);
            });
            Future<JsonNode> two = pool.submit(() -> {
                go.await();
                return RenewalTestBed.run(other, SCHEDULED);
            });
            go.countDown();
            JsonNode a = one.get(60, TimeUnit.SECONDS);
            JsonNode b = two.get(60, TimeUnit.SECONDS);
            assertEquals(2, a.get("ordered").size() + b.get("ordered").size());
            assertEquals(2, a.get("skipped").size() + b.get("skipped").size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, bed.ordersPlacedFor("gallery.art"));
        assertEquals(1, bed.ordersPlacedFor("studio.art"));
    }

    @Test
    void aCrashAfterThePartnerAcceptedTheOrderIsNotOrderedAgain() {
        start(Map.of(), DUE_A);
        // The crashed run: it claimed the expiry date, .ART accepted its order, and the Lambda died before the
        // record completed, so the record is still in progress, past its deadline.
        Idempotency idempotency = bed.context().getBean(Idempotency.class);
        IdempotencyStore store = bed.context().getBean(IdempotencyStore.class);
        String key = idempotency.recordId(keyOf(DUE_A));
        Instant now = bed.clock().instant();
        store.claim(new IdempotencyRecord(key, IdempotencyRecord.Status.INPROGRESS, IdempotencyKeys.sha256("gallery.art"),
                now.minusSeconds(1), now.plus(Duration.ofDays(400)), null), now);
        bed.hasOpenOrder("gallery.art", "o-accepted", "unpaid");

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(0, bed.ordersPlacedFor("gallery.art"));
        assertEquals(0, summary.get("ordered").size());
        assertEquals("open-order", summary.get("skipped").get(0).get("reason").getStringValue());
        assertEquals("o-accepted", summary.get("skipped").get(0).get("orderId").getStringValue());
        IdempotencyRecord record = store.find(key).orElseThrow();
        assertEquals(IdempotencyRecord.Status.COMPLETED, record.status());
        assertTrue(record.result().contains("o-accepted"), record.result());
    }

    @Test
    void aTokenExpiringMidRunIsRenewedWithTheRefreshGrant() {
        start(Map.of(), DUE_A);
        bed.expireTokenAfterListing();
        bed.stub(post(urlEqualTo(API + "/auth/token")).withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))
                .willReturn(okJson(RenewalTestBed.token("tok-2", "ref-2"))));

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("gallery.art"), names(summary.get("ordered"), "domain"));
        assertEquals(1, grants("refresh_token"));
        assertEquals(1, grants("client_credentials"));
        assertEquals(1, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders")).withHeader("Authorization", equalTo("Bearer tok-2"))));
    }

    @Test
    void aRefusedRefreshSignsInAgainAndTheRunGoesOn() {
        start(Map.of(), DUE_A);
        bed.expireTokenAfterListing();
        bed.stub(post(urlEqualTo(API + "/auth/token")).withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_credentials\",\"messages\":[{\"path\":\"$.refresh_token\",\"message\":\"expired\"}]}")));
        bed.signInTwice("client_credentials", RenewalTestBed.token("tok-1", "ref-1"), RenewalTestBed.token("tok-3", "ref-3"));

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("gallery.art"), names(summary.get("ordered"), "domain"));
        assertEquals(1, grants("refresh_token"));
        assertEquals(2, grants("client_credentials"));
        assertEquals(1, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders")).withHeader("Authorization", equalTo("Bearer tok-3"))));
    }

    @Test
    void aTokenFailureStopsTheRunWithAClearError() {
        start(Map.of(), DUE_A, DUE_B);
        bed.expireTokenAfterListing();
        bed.stub(post(urlEqualTo(API + "/auth/token")).withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))
                .willReturn(aResponse().withStatus(401)));
        bed.signInTwice("client_credentials", RenewalTestBed.token("tok-1", "ref-1"), "401");

        RenewalRunStoppedException stopped = assertThrows(RenewalRunStoppedException.class, () -> bed.run(SCHEDULED));

        assertTrue(stopped.getMessage().startsWith("Renewal run stopped: Could not obtain a .ART access token: grant client_credentials refused"),
                stopped.getMessage());
        assertTrue(stopped.getMessage().contains("scanned 1"), stopped.getMessage());
        assertTrue(!stopped.getMessage().contains(RenewalTestBed.CLIENT_SECRET));
        assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
        assertTrue(bed.aws.scan(bed.table).isEmpty(), "the claimed key is released for the next run");
    }

    @Test
    void aTokenEndpointDownMidRunStopsTheRunAsAnOutage() {
        start(Map.of("partner.retry.max-attempts", "2"), DUE_A, DUE_B);
        bed.expireTokenAfterListing();
        bed.stub(post(urlEqualTo(API + "/auth/token")).withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))
                .willReturn(aResponse().withStatus(503)));

        RenewalRunStoppedException stopped = assertThrows(RenewalRunStoppedException.class, () -> bed.run(SCHEDULED));

        assertTrue(stopped.getMessage().startsWith("Renewal run stopped: Could not obtain a .ART access token: the token endpoint is unavailable"),
                stopped.getMessage());
        assertTrue(stopped.getMessage().contains("scanned 1"), "stopped at the first domain: " + stopped.getMessage());
        assertEquals(2, grants("refresh_token"), "retried within the token budget only");
        assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
        assertTrue(bed.aws.scan(bed.table).isEmpty(), "the claimed key is released for the next run");
    }

    @Test
    void aFailedOrderIsReportedTheRunGoesOnAndTheNextRunRetriesIt() {
        start(Map.of(), DUE_A, DUE_B);
        bed.stub(post(urlEqualTo(API + "/store/orders")).withRequestBody(matchingJsonPath("$.items[0].domain", equalTo("gallery.art")))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":\"validation_error\",\"messages\":[{\"path\":\"$.items[0].promo\",\"message\":\"Unknown promo code\"}]}")));

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("studio.art"), names(summary.get("ordered"), "domain"));
        assertEquals(List.of("gallery.art"), names(summary.get("failed"), "domain"));
        assertEquals("art refused with HTTP 422 validation_error: items[0].promo Unknown promo code",
                summary.get("failed").get(0).get("reason").getStringValue());

        bed.acceptsOrder("gallery.art", "o-gallery");
        JsonNode next = bed.run(SCHEDULED);
        assertEquals(List.of("gallery.art"), names(next.get("ordered"), "domain"));
        assertEquals(2, bed.ordersPlacedFor("gallery.art"));
        assertEquals(1, bed.ordersPlacedFor("studio.art"));
    }

    @Test
    void aDryRunReportsAndOrdersNothing() {
        start(Map.of(), DUE_A, DUE_B, NO_RIGHT, OPEN);
        JsonNode summary = bed.run(DRY_RUN);

        assertTrue(summary.get("dryRun").getBooleanValue());
        assertEquals(List.of("gallery.art", "studio.art"), names(summary.get("planned"), "domain"));
        assertEquals(List.of("order", "order"), names(summary.get("planned"), "action"));
        assertEquals(List.of("no-renew-right", "open-order"), names(summary.get("skipped"), "reason"));
        assertEquals(0, summary.get("ordered").size());
        assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
        assertTrue(bed.aws.scan(bed.table).isEmpty());
    }

    @Test
    void theAutorenewStrategyTurnsAutorenewOnOncePerExpiryDate() {
        start(Map.of("renewal.strategy", "autorenew"), DUE_A, FAR);
        bed.stub(put(urlPathEqualTo(API + "/store/domains/id-gallery.art/autorenew")).willReturn(aResponse().withStatus(204)));

        JsonNode first = bed.run(SCHEDULED);
        JsonNode second = bed.run(SCHEDULED);

        assertEquals("autorenew", first.get("strategy").getStringValue());
        assertEquals(List.of("gallery.art"), RenewalTestBed.texts(first.get("autorenewed")));
        assertEquals(List.of("autorenew-already-on"), names(second.get("skipped"), "reason"));
        assertEquals(1, bed.art.count(putRequestedFor(urlEqualTo(API + "/store/domains/id-gallery.art/autorenew"))));
        assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
    }

    @Test
    void aCancelledOrderFreesItsExpiryDateForOneNewOrder() {
        start(Map.of(), DUE_A);
        bed.run(SCHEDULED);
        bed.stub(get(urlEqualTo(API + "/store/orders/o-gallery")).willReturn(okJson(RenewalTestBed.order("o-gallery", "cancelled", "gallery.art"))));
        bed.acceptsOrder("gallery.art", "o-gallery-2");

        JsonNode second = bed.run(SCHEDULED);
        JsonNode third = bed.run(SCHEDULED);

        assertEquals("o-gallery-2", second.get("ordered").get(0).get("orderId").getStringValue());
        assertEquals("already-ordered", third.get("skipped").get(0).get("reason").getStringValue());
        assertEquals("o-gallery-2", third.get("skipped").get(0).get("orderId").getStringValue());
        assertEquals(2, bed.ordersPlacedFor("gallery.art"));
    }

    int grants(String grant) {
        return bed.art.count(postRequestedFor(urlEqualTo(API + "/auth/token")).withRequestBody(matchingJsonPath("$.grant_type", equalTo(grant))));
    }

    static String keyOf(String domainJson) {
        String expiry = domainJson.replaceAll(".*\"expired_at\":\"([^\"]+)\".*", "$1");
        String id = domainJson.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
        return "renew#" + id + "#" + expiry;
    }
}
