package io.partnerlink.giftorder;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A partner that fails: retried within the Lambda's time with the same orderId, or 503 with nothing stored. */
class UnreliablePartnerTest {

    final GiftOrderFixture f = new GiftOrderFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a503ThenA200IsOneOrderWithTheSameOrderIdInBothAttempts() {
        f.stub(post(urlEqualTo("/api/orders")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("recovered"));
        f.stub(post(urlEqualTo("/api/orders")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson("{}")));

        HttpAnswer answer = f.placeOrder("flaky-1", order(HOFF, 1));

        assertEquals(201, answer.status(), answer.body());
        assertEquals(2, f.orderCalls());
        assertEquals(1, new HashSet<>(f.orderIdsSent()).size(), f.orderIdsSent().toString());
        assertEquals(answer.json().get("orderId").getStringValue(), f.orderIdsSent().getFirst());
    }

    @Test
    void aResetConnectionIsRetriedToo() {
        f.stub(post(urlEqualTo("/api/orders")).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("fine"));
        f.stub(post(urlEqualTo("/api/orders")).inScenario("reset").whenScenarioStateIs("fine").willReturn(okJson("{}")));

        assertEquals(201, f.placeOrder("reset-1", order(HOFF, 1)).status());
        assertEquals(2, f.orderCalls());
        assertEquals(1, new HashSet<>(f.orderIdsSent()).size());
    }

    @Test
    void aTimeoutOnEveryTryIs503AndStoresNothingSoTheKeyCanBeRetried() {
        try (GiftOrderFixture slow = new GiftOrderFixture(Map.of("micronaut.http.services.vektor.read-timeout", "300ms"))) {
            slow.listCertificates(); // token and catalogue fetched before the partner slows down
            slow.stubOrders(okJson("{}").withFixedDelay(1_500));
            // 4 s left, 2 s kept back for answering: about 2 s for the partner, 300 ms a try.
            HttpAnswer answer = slow.placeOrder("slow-1", order(HOFF, 1), new TestLambdaContext("issue-gift-order", Duration.ofSeconds(4)));

            assertEquals(503, answer.status(), answer.body());
            assertEquals("upstream-unavailable", answer.problemType());
            assertTrue(slow.orderCalls() >= 2, "retried: " + slow.orderCalls());
            assertEquals(1, new HashSet<>(slow.orderIdsSent()).size(), "every try carries the same orderId");
            assertEquals(0, slow.records().size(), "no stored result: a retry with the key runs again");

            slow.stubOrders(okJson("{}"));
            HttpAnswer retried = slow.placeOrder("slow-1", order(HOFF, 1));
            assertEquals(201, retried.status(), retried.body());
            assertEquals(slow.orderIdsSent().getFirst(), retried.json().get("orderId").getStringValue());
        }
    }

    @Test
    void noRetryStartsWhenTheLambdaHasNoRoomForAWholeAttempt() {
        f.listCertificates();
        f.stubOrders(serviceUnavailable());
        // 3.5 s left, 2 s kept back for answering: 1.5 s, less than one 2 s read timeout.
        HttpAnswer answer = f.placeOrder("no-room-1", order(HOFF, 1), new TestLambdaContext("issue-gift-order", Duration.ofMillis(3_500)));
        assertEquals(503, answer.status(), answer.body());
        assertEquals(1, f.orderCalls());

        // 6 s left: 4 s after the margin, room for a pause and another 2 s attempt.
        HttpAnswer roomy = f.placeOrder("no-room-2", order(HOFF, 1), new TestLambdaContext("issue-gift-order", Duration.ofSeconds(6)));
        assertEquals(503, roomy.status(), roomy.body());
        assertTrue(f.orderCalls() >= 3, "retried: " + f.orderCalls());
    }

    @Test
    void anUnavailableCatalogueIs503AndOrdersNothing() {
        f.stubCatalogue("[]");
        f.stub(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/api/certificates")).willReturn(serviceUnavailable()));
        HttpAnswer answer = f.placeOrder("catalogue-down", order(HOFF, 1), new TestLambdaContext("issue-gift-order", Duration.ofSeconds(3)));
        assertEquals(503, answer.status(), answer.body());
        assertEquals(0, f.orderCalls());
        assertEquals(0, f.records().size());
    }
}
