package io.partnerlink.renewal;

import io.micronaut.json.tree.JsonNode;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.HttpAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.partnerlink.renewal.RenewalTestBed.API;
import static io.partnerlink.renewal.RenewalTestBed.SCHEDULED;
import static io.partnerlink.renewal.RenewalTestBed.domain;
import static io.partnerlink.renewal.RenewalTestBed.expiresIn;
import static io.partnerlink.renewal.RenewalTestBed.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code POST /domains/{domain}/renewals} through the real handler, as API Gateway calls it. */
class OnDemandRenewalTest {

    static final String FAR = domain("far.art", "c-1", expiresIn(Duration.ofDays(200)), 60, "renew");
    static final String LOCKED = domain("locked.art", "c-1", expiresIn(Duration.ofDays(5)), 60, "transfer_to_client");

    RenewalTestBed bed;

    @BeforeEach
    void start() {
        bed = new RenewalTestBed(Map.of()).withStore();
        for (String d : List.of(FAR, LOCKED)) {
            String name = d.replaceAll(".*?\"name\":\"([^\"]+)\".*", "$1");
            bed.stub(get(urlPathEqualTo(API + "/store/domains")).withQueryParam("domain", equalTo(name)).willReturn(okJson(page(d))));
        }
        bed.acceptsOrder("far.art", "o-far");
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void ordersNowAndReplaysTheAnswerForTheSameKey() {
        HttpAnswer first = bed.renew("far.art", "key-1", "{\"period\":24}");
        HttpAnswer again = bed.renew("far.art", "key-1", "{\"period\":24}");

        assertEquals(201, first.status(), first.body());
        JsonNode body = first.json();
        assertEquals("ordered", body.get("status").getStringValue());
        assertEquals("o-far", body.get("orderId").getStringValue());
        assertEquals("inv-o-far", body.get("invoiceId").getStringValue());
        assertEquals(24, body.get("period").getIntValue());
        assertEquals(201, again.status());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.body(), again.body());
        assertEquals(1, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))
                .withRequestBody(matchingJsonPath("$.items[0].period", equalTo("24")))));
        assertEquals(1, bed.art.count(getRequestedFor(urlPathEqualTo(API + "/store/domains")).withQueryParam("domain", equalTo("far.art"))));
    }

    @Test
    void anotherKeyForTheSameExpiryDateGetsTheExistingOrder() {
        bed.renew("far.art", "key-1", null);
        HttpAnswer other = bed.renew("far.art", "key-2", null);

        assertEquals(200, other.status(), other.body());
        assertEquals("already-ordered", other.json().get("status").getStringValue());
        assertEquals("o-far", other.json().get("orderId").getStringValue());
        assertEquals(12, other.json().get("period").getIntValue());
        assertEquals(1, bed.ordersPlacedFor("far.art"));
    }

    @Test
    void aDryRunReportsAndOrdersNothing() {
        HttpAnswer answer = bed.renew("far.art", "key-1", "{\"dryRun\":true,\"period\":36}");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("would-order", answer.json().get("status").getStringValue());
        assertEquals(36, answer.json().get("period").getIntValue());
        assertNull(answer.json().get("orderId").getValue());
        assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
    }

    @Test
    void aDomainWeDoNotHoldIs404() {
        bed.stub(get(urlPathEqualTo(API + "/store/domains")).withQueryParam("domain", equalTo("other.art")).willReturn(okJson(page())));
        HttpAnswer answer = bed.renew("other.art", "key-1", null);
        assertEquals(404, answer.status());
        assertEquals("not-found", answer.problemType());
        assertEquals("application/problem+json", answer.header("Content-Type"));
    }

    @Test
    void aDomainWithoutTheRenewRightIs409() {
        HttpAnswer answer = bed.renew("locked.art", "key-1", null);
        assertEquals(409, answer.status());
        assertEquals("not-renewable", answer.problemType());
        assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
    }

    @Test
    void aPeriodAboveMaxRenewIs409() {
        HttpAnswer answer = bed.renew("far.art", "key-1", "{\"period\":72}");
        assertEquals(409, answer.status());
        assertEquals("period-above-max-renew", answer.problemType());
        assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
    }

    @Test
    void badInputIsA400AndNothingReachesThePartner() {
        for (String name : List.of("example.com", "-bad.art", "bad-.art", "sub.example.art", "ab--cd.art", "exa mple.art",
                "a_b.art", ".art", "x".repeat(64) + ".art")) {
            assertBadRequest(bed.renew(name, "key-1", null), "validation-failed", "domain");
        }
        for (String body : List.of("{\"period\":0}", "{\"period\":-12}", "{\"period\":12.5}", "{\"period\":\"12\"}",
                "{\"period\":100000000000}", "{\"dryRun\":\"yes\"}", "{\"period\":12,\"promo\":\"FREE\"}", "[12]", "{\"period\":")) {
            HttpAnswer answer = bed.renew("far.art", "key-" + body.hashCode(), body);
            assertEquals(400, answer.status(), body + " -> " + answer.body());
            assertEquals("validation-failed", answer.problemType(), body);
        }
        assertBadRequest(bed.renew(ApiEvents.request("POST", "/domains/far.art/renewals").route(RenewalRoutes.RENEW)
                .pathParameter("domain", "far.art").header("Idempotency-Key", "k").header("Content-Type", "text/plain")
                .rawBody("{\"period\":12}")), "validation-failed", "Content-Type");
        HttpAnswer noKey = bed.renew("far.art", null, "{\"period\":12}");
        assertEquals(400, noKey.status());
        assertEquals("idempotency-key-required", noKey.problemType());

        assertEquals(0, bed.art.wireMock().getAllServeEvents().size(), "no call to .ART at all, not even for a token");
    }

    @Test
    void aScheduledRunAfterAnOnDemandOrderDoesNotOrderAgain() {
        String soon = domain("soon.art", "c-1", expiresIn(Duration.ofDays(3)), 60, "renew");
        bed.stub(get(urlPathEqualTo(API + "/store/domains")).withQueryParam("domain", equalTo("soon.art")).willReturn(okJson(page(soon))));
        bed.stub(get(urlPathEqualTo(API + "/store/domains")).withQueryParam("status", equalTo("active")).willReturn(okJson(page(soon))));
        bed.acceptsOrder("soon.art", "o-soon");

        assertEquals(201, bed.renew("soon.art", "key-1", null).status());
        JsonNode summary = bed.run(SCHEDULED);

        assertEquals("already-ordered", summary.get("skipped").get(0).get("reason").getStringValue());
        assertEquals(1, bed.ordersPlacedFor("soon.art"));
    }

    static void assertBadRequest(HttpAnswer answer, String type, String field) {
        assertEquals(400, answer.status(), answer.body());
        assertEquals(type, answer.problemType());
        assertEquals(field, answer.json().get("errors").get(0).get("field").getStringValue(), answer.body());
    }
}
