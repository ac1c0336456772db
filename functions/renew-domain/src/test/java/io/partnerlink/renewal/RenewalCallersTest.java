package io.partnerlink.renewal;

import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.HttpAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.partnerlink.renewal.RenewalTestBed.API;
import static io.partnerlink.renewal.RenewalTestBed.domain;
import static io.partnerlink.renewal.RenewalTestBed.expiresIn;
import static io.partnerlink.renewal.RenewalTestBed.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 16 in the function: {@code POST /domains/{domain}/renewals} refuses an event without an authenticated caller
 * (401) or a JWT without {@code domains/renew} (403) before .ART is asked anything or a record is written; the
 * {@code Idempotency-Key} belongs to its caller, while the renewal itself stays once per domain and expiry date.
 */
class RenewalCallersTest {

    static final String ISSUER = "https://issuer.example.com";
    RenewalTestBed bed;

    @BeforeEach
    void start() {
        bed = new RenewalTestBed(Map.of()).withStore();
        String far = domain("far.art", "c-1", expiresIn(Duration.ofDays(200)), 60, "renew");
        bed.stub(get(urlPathEqualTo(API + "/store/domains")).withQueryParam("domain", equalTo("far.art")).willReturn(okJson(page(far))));
        bed.acceptsOrder("far.art", "o-far");
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    static Stream<Object[]> refusals() {
        return Stream.of(
                new Object[]{"no authorizer context", (UnaryOperator<ApiEvents>) ApiEvents::noCaller, 401, "unauthenticated"},
                new Object[]{"IAM context naming no principal", (UnaryOperator<ApiEvents>) e -> e.iamCaller("", "arn:aws:iam::1:role/x"), 401, "unauthenticated"},
                new Object[]{"JWT without issuer", (UnaryOperator<ApiEvents>) e -> e.jwtCaller("", "ops", "domains/renew"), 401, "unauthenticated"},
                new Object[]{"JWT without scope", (UnaryOperator<ApiEvents>) e -> e.jwtCaller(ISSUER, "ops"), 403, "insufficient-scope"},
                new Object[]{"JWT with gift-orders/write", (UnaryOperator<ApiEvents>) e -> e.jwtCaller(ISSUER, "ops", "gift-orders/write"), 403, "insufficient-scope"});
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("refusals")
    void refusedBeforeAnyPartnerCallOrRecord(String what, UnaryOperator<ApiEvents> caller, int status, String type) {
        HttpAnswer answer = bed.renew(caller.apply(event("key-1")));
        assertEquals(status, answer.status(), answer.body());
        assertEquals(type, answer.problemType());
        assertEquals(0, bed.art.wireMock().getAllServeEvents().size(), "no call to .ART");
        assertEquals(0, bed.aws.scan(bed.table).size(), "no record");
    }

    @Test
    void aJwtWithDomainsRenewIsServed() {
        HttpAnswer answer = bed.renew(event("key-1").jwtCaller(ISSUER, "ops", "domains/renew"));
        assertEquals(201, answer.status(), answer.body());
    }

    @Test
    void twoCallersWithTheSameKeyEachGetTheirOwnAnswerAndTheDomainIsRenewedOnce() {
        UnaryOperator<ApiEvents> ops = e -> e.iamCaller("111122223333", "arn:aws:iam::111122223333:role/ops");
        UnaryOperator<ApiEvents> billing = e -> e.iamCaller("111122223333", "arn:aws:iam::111122223333:role/billing");
        HttpAnswer first = bed.renew(ops.apply(event("shared-key")));
        HttpAnswer second = bed.renew(billing.apply(event("shared-key")));
        assertEquals(201, first.status(), first.body());
        assertNull(second.header("Idempotent-Replayed"), "billing must not get ops' stored answer");
        assertEquals(200, second.status(), second.body());
        assertEquals("already-ordered", second.json().get("status").getStringValue());
        assertEquals(1, bed.ordersPlacedFor("far.art"), "the per-expiry record stays per domain, whoever asks");

        HttpAnswer firstAgain = bed.renew(ops.apply(event("shared-key")));
        HttpAnswer secondAgain = bed.renew(billing.apply(event("shared-key")));
        assertEquals(List.of(first.body(), second.body()), List.of(firstAgain.body(), secondAgain.body()));
        assertEquals(List.of("true", "true"), List.of(firstAgain.header("Idempotent-Replayed"), secondAgain.header("Idempotent-Replayed")));
    }

    private static ApiEvents event(String key) {
        return ApiEvents.request("POST", "/domains/far.art/renewals").route(RenewalRoutes.RENEW)
                .pathParameter("domain", "far.art").header("Idempotency-Key", key).json("{\"period\":12}");
    }
}
