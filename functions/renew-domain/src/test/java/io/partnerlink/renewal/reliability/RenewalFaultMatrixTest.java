package io.partnerlink.renewal.reliability;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.partnerlink.renewal.RenewalTestBed;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.PartnerFault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.partnerlink.renewal.RenewalTestBed.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault matrix of renew-domain's on-demand route (issue 9, item 2): every fault on each of the six .ART calls of a
 * renewal, one test per cell. The fault lasts for every try of the first request; then .ART recovers and the caller
 * retries with the same key. .ART takes no client key, so the order POST is never retried blindly: a POST whose
 * answer was lost (slow, unreadable, empty) may have created the order, and the retry must find it as an open order
 * instead of ordering again. Each cell ends with exactly one order at .ART for the expiry date.
 */
class RenewalFaultMatrixTest {

    static final String NAME = "matrix.art";
    static final Duration READ_TIMEOUT = Duration.ofMillis(1000);

    enum Call {
        TOKEN, DOMAIN, OPEN_ORDERS, CONTACTS, CREATE_ORDER, READ_BACK;

        MappingBuilder request() {
            return switch (this) {
                case TOKEN -> post(urlEqualTo(API + "/auth/token"));
                case DOMAIN -> get(urlPathEqualTo(API + "/store/domains")).withQueryParam("domain", equalTo(NAME));
                case OPEN_ORDERS -> get(urlPathEqualTo(API + "/store/orders"));
                case CONTACTS -> get(urlPathEqualTo(API + "/store/contacts"));
                case CREATE_ORDER -> post(urlEqualTo(API + "/store/orders"));
                case READ_BACK -> get(urlEqualTo(API + "/store/orders/" + OnDemandBeds.orderId(NAME)));
            };
        }

        ResponseDefinitionBuilder success() {
            return switch (this) {
                case TOKEN -> okJson(OnDemandBeds.tokens());
                case DOMAIN -> okJson(RenewalTestBed.page(RenewalTestBed.domain(NAME, "c-1", RenewalTestBed.expiresIn(Duration.ofDays(200)), 60, "renew")));
                case OPEN_ORDERS, CONTACTS -> okJson(RenewalTestBed.page());
                case CREATE_ORDER -> okJson("{\"id\":\"" + OnDemandBeds.orderId(NAME) + "\"}");
                case READ_BACK -> okJson(RenewalTestBed.order(OnDemandBeds.orderId(NAME), "unpaid", NAME));
            };
        }
    }

    /** The first HTTP exchange of a cold JVM can take longer than the short timeout below; it is not a cell. */
    @BeforeAll
    static void warmUp() {
        try (RenewalTestBed bed = OnDemandBeds.holding(Map.of(), NAME)) {
            assertEquals(201, bed.renew(NAME, "warm-up", null).status());
        }
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Call.values()).flatMap(call -> Arrays.stream(PartnerFault.values()).map(fault -> Arguments.of(call, fault)));
    }

    /** Whether .ART holds the order after the first request: it answered the POST 200, however late or garbled. */
    static boolean orderedByFirst(Call call, PartnerFault fault) {
        return call == Call.READ_BACK || (call == Call.CREATE_ORDER && fault.partnerSucceeded());
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("cells")
    void faultOnEveryTryThenRecovery(Call call, PartnerFault fault) {
        try (RenewalTestBed bed = OnDemandBeds.holding(Map.of("micronaut.http.services.art.read-timeout", READ_TIMEOUT.toMillis() + "ms",
                "partner.retry.max-attempts", "2"), NAME)) {
            bed.stub(call.request().willReturn(fault.answer(call.success(), READ_TIMEOUT.multipliedBy(3))));
            String key = "fault-" + call + "-" + fault;

            HttpAnswer first = bed.renew(NAME, key, null);

            CleanAnswers.assertClean(first);
            if (call == Call.READ_BACK) {
                // The order was placed; failing to read it back does not undo that.
                assertEquals(201, first.status(), first.body());
                assertEquals(OnDemandBeds.orderId(NAME), first.json().get("orderId").getStringValue());
                assertTrue(first.json().get("invoiceId").isNull());
            } else {
                // The token endpoint down is an outage like any other call's (ArtTokenUnavailableException).
                assertEquals(503, first.status(), first.body());
                assertEquals("upstream-unavailable", first.problemType());
                if (fault == PartnerFault.HTTP_429_RETRY_AFTER) {
                    assertEquals(Integer.toString(PartnerFault.RETRY_AFTER_SECONDS), first.header("Retry-After"));
                }
            }
            int postsBefore = OnDemandBeds.orderPosts(bed);
            assertEquals(call.ordinal() >= Call.CREATE_ORDER.ordinal() ? 1 : 0, postsBefore, "the order POST is sent at most once");

            // .ART recovers. An order it accepted while our answer was lost is now listed as open.
            OnDemandBeds.withStore(bed);
            OnDemandBeds.holds(bed, NAME);
            bed.acceptsOrder(NAME, OnDemandBeds.orderId(NAME));
            if (orderedByFirst(call, fault) && call == Call.CREATE_ORDER) {
                bed.hasOpenOrder(NAME, OnDemandBeds.orderId(NAME), "unpaid");
            }
            HttpAnswer retried = bed.renew(NAME, key, null);

            CleanAnswers.assertClean(retried);
            assertEquals(OnDemandBeds.orderId(NAME), retried.json().get("orderId").getStringValue(), retried.body());
            if (call == Call.READ_BACK) {
                assertEquals("true", retried.header("Idempotent-Replayed"));
                assertEquals(first.body(), retried.body());
            } else if (orderedByFirst(call, fault)) {
                assertEquals(200, retried.status(), retried.body());
                assertEquals("open-order", retried.json().get("status").getStringValue(), "found, not ordered again");
            } else {
                assertEquals(201, retried.status(), retried.body());
                assertEquals("ordered", retried.json().get("status").getStringValue());
            }
            int created = orderedByFirst(call, fault) ? 1 : OnDemandBeds.orderPosts(bed) - postsBefore;
            assertEquals(1, created, "one order at .ART for the expiry date");
            assertEquals(orderedByFirst(call, fault) ? postsBefore : postsBefore + 1, OnDemandBeds.orderPosts(bed));

            HttpAnswer replay = bed.renew(NAME, key, null);
            assertEquals("true", replay.header("Idempotent-Replayed"));
            assertEquals(retried.body(), replay.body());
        }
    }
}
