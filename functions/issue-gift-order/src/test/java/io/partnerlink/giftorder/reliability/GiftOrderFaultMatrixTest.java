package io.partnerlink.giftorder.reliability;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.partnerlink.giftorder.GiftOrderFixture;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.Leaks;
import io.partnerlink.testsupport.PartnerFault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault matrix of issue-gift-order (issue 9, item 2): every fault on each of its three vektor-adv calls, one test
 * per cell. The fault lasts for every try of the first delivery; then the partner recovers and the caller retries
 * with the same key. Each cell asserts the documented answer, that every order request carried the same orderId
 * (the partner-side key, so the partner holds at most one order), and that the retry ends in the stored 201.
 */
class GiftOrderFaultMatrixTest {

    static final Duration READ_TIMEOUT = Duration.ofMillis(1000);
    static final Map<String, Object> FAST = Map.of(
            "micronaut.http.services.vektor.read-timeout", READ_TIMEOUT.toMillis() + "ms",
            "partner.retry.max-attempts", "2");

    /** The partner calls of this function. */
    enum Call {
        TOKEN, CERTIFICATES, ORDER;

        MappingBuilder request() {
            return switch (this) {
                case TOKEN -> post(urlEqualTo("/connect/token"));
                case CERTIFICATES -> get(urlEqualTo("/api/certificates"));
                case ORDER -> post(urlEqualTo("/api/orders"));
            };
        }

        ResponseDefinitionBuilder success(String token) {
            return switch (this) {
                case TOKEN -> okJson("{\"access_token\":\"" + token + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
                case CERTIFICATES -> okJson(GiftOrderFixture.CATALOGUE);
                case ORDER -> okJson("{\"status\":\"accepted\"}");
            };
        }
    }

    /** The first HTTP exchange of a cold JVM can take longer than the short timeout below; it is not a cell. */
    @BeforeAll
    static void warmUp() {
        try (GiftOrderFixture f = new GiftOrderFixture()) {
            assertEquals(201, f.placeOrder("warm-up", order(HOFF, 1)).status());
        }
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Call.values()).flatMap(call -> Arrays.stream(PartnerFault.values()).map(fault -> Arguments.of(call, fault)));
    }

    /** The documented first answer: only an order the partner answered 200 in time is a success, whatever its body. */
    static int expectedStatus(Call call, PartnerFault fault) {
        boolean orderAccepted = call == Call.ORDER && (fault == PartnerFault.MALFORMED_JSON || fault == PartnerFault.EMPTY_200);
        return orderAccepted ? 201 : 503;
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("cells")
    void faultOnEveryTryThenRecovery(Call call, PartnerFault fault) {
        String token = "vektor-access-" + UUID.randomUUID();
        Leaks.watch(token);
        try (GiftOrderFixture f = new GiftOrderFixture(FAST)) {
            f.stubToken(token, 3600);
            f.stub(call.request().willReturn(fault.answer(call.success(token), READ_TIMEOUT.multipliedBy(3))));
            String key = "fault-" + call + "-" + fault;
            String orderId = f.orderIdFor(key, order(HOFF, 2));

            HttpAnswer first = f.placeOrder(key, order(HOFF, 2));

            int expected = expectedStatus(call, fault);
            CleanAnswers.assertClean(first);
            assertEquals(expected, first.status(), first.body());
            if (expected == 503) {
                assertEquals("upstream-unavailable", first.problemType());
                assertEquals(0, f.records().size(), "a failure that may pass is not stored: the key is free for a retry");
                if (fault == PartnerFault.HTTP_429_RETRY_AFTER) {
                    assertEquals(Integer.toString(PartnerFault.RETRY_AFTER_SECONDS), first.header("Retry-After"), "the partner's Retry-After is passed on");
                }
            } else {
                assertEquals(orderId, first.json().get("orderId").getStringValue());
                assertEquals(1, f.records().size(), "the partner's success is recorded");
            }
            if (call != Call.ORDER) {
                assertEquals(0, f.orderCalls(), "no order without a token and a price");
            }
            assertOneOrderId(f, orderId);

            // The partner recovers. An order it processed but answered too late already exists there.
            f.stubToken(token, 3600);
            f.stubCatalogue(GiftOrderFixture.CATALOGUE);
            f.stubOrders(call == Call.ORDER && fault == PartnerFault.SLOWER_THAN_TIMEOUT
                    ? aResponse().withStatus(409).withHeader("Content-Type", "application/json").withBody("{\"message\":\"Order already exists\"}")
                    : Call.ORDER.success(token));
            int ordersBefore = f.orderCalls();
            HttpAnswer retried = f.placeOrder(key, order(HOFF, 2));

            CleanAnswers.assertClean(retried);
            assertEquals(201, retried.status(), retried.body());
            assertEquals(orderId, retried.json().get("orderId").getStringValue(), "the retry reaches the same partner-side key");
            if (expected == 201) {
                assertEquals("true", retried.header("Idempotent-Replayed"));
                assertEquals(first.body(), retried.body());
                assertEquals(ordersBefore, f.orderCalls(), "a recorded success is replayed, never placed again");
            } else {
                assertNull(retried.header("Idempotent-Replayed"));
                assertEquals(ordersBefore + 1, f.orderCalls());
            }
            HttpAnswer replay = f.placeOrder(key, order(HOFF, 2));
            assertEquals("true", replay.header("Idempotent-Replayed"));
            assertEquals(retried.body(), replay.body());
            assertOneOrderId(f, orderId);
            assertEquals(1, f.records().size());
        }
    }

    private static void assertOneOrderId(GiftOrderFixture f, String orderId) {
        Set<String> sent = new HashSet<>(f.orderIdsSent());
        assertTrue(sent.isEmpty() || sent.equals(Set.of(orderId)), "every order request carries the key's orderId: " + sent);
    }
}
