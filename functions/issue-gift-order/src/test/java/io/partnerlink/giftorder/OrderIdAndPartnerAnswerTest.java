package io.partnerlink.giftorder;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micronaut.json.tree.JsonNode;
import io.partnerlink.shared.vektor.VektorAnswer;
import io.partnerlink.testsupport.HttpAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.LETUAL;
import static io.partnerlink.giftorder.GiftOrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, point 4, through the real handler against WireMock, DynamoDB Local and moto: vektor's {@code orderId}
 * comes from the key and the request body, so a key used again after its record expired never passes a new order
 * off as an old one; and vektor's answer to the order is kept in the 201 and in its replay.
 */
class OrderIdAndPartnerAnswerTest {

    final GiftOrderFixture f = new GiftOrderFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aKeyReusedWithAnotherBodyAfterItsRecordExpiredPlacesANewOrderUnderANewOrderId() {
        HttpAnswer first = f.placeOrder("reused-key", order(HOFF, 1));
        assertEquals(201, first.status(), first.body());
        String firstId = first.json().get("orderId").getStringValue();

        // vektor now knows that id, as a real partner would: a repeat of it is "already exists".
        f.stub(post(urlEqualTo("/api/orders")).atPriority(1).withRequestBody(matchingJsonPath("$[?(@.orderId == '" + firstId + "')]"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Order already exists\",\"status\":409}")));
        f.advance(Duration.ofHours(24).plusSeconds(1)); // the key's record has expired

        HttpAnswer other = f.placeOrder("reused-key", order(LETUAL, 3));

        assertEquals(201, other.status(), other.body());
        String otherId = other.json().get("orderId").getStringValue();
        assertNotEquals(firstId, otherId, "another body never maps to the first order's id");
        assertEquals(List.of(firstId, otherId), f.orderIdsSent(), "the second body was really ordered, under its own id");
        assertEquals(200, other.json().get("partnerAnswer").get("status").getIntValue(), "vektor created it (200), no 'exists'");
        assertEquals(LETUAL, other.json().get("certificates").get(0).get("id").getStringValue());
    }

    @Test
    void theSameRequestRetriedAlwaysSendsTheSameOrderIdAndAnotherBodyNever() {
        f.stub(post(urlEqualTo("/api/orders")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        f.stub(post(urlEqualTo("/api/orders")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"status\":\"accepted\"}")));
        assertEquals(201, f.placeOrder("retried", order(HOFF, 2)).status());
        List<String> sent = f.orderIdsSent();
        assertEquals(2, sent.size(), "one 503, one retry");
        assertEquals(sent.get(0), sent.get(1), "a retry of the same request keeps its orderId");

        f.advance(Duration.ofHours(25));
        assertEquals(201, f.placeOrder("retried", order(HOFF, 2)).status(), "the same request after expiry");
        assertEquals(sent.get(0), f.orderIdsSent().get(2), "the same key and body map to the same orderId, even after expiry");

        f.advance(Duration.ofHours(25));
        assertEquals(201, f.placeOrder("retried", order(HOFF, 3)).status());
        assertNotEquals(sent.get(0), f.orderIdsSent().get(3), "another body, another orderId");
        assertNotEquals(f.orderIdFor("k", order(HOFF, 1)), f.orderIdFor("k", order(HOFF, 2)));
        assertNotEquals(f.orderIdFor("k", order(HOFF, 1)), f.orderIdFor("k2", order(HOFF, 1)));
    }

    @Test
    void theCreatedAnswerCarriesVektorsJsonAnswerAndSoDoesItsReplay() {
        f.stubOrders(okJson("{\"orderId\":\"X\",\"certificates\":[{\"code\":\"GIFT-0001\",\"pin\":\"0042\"}]}"));
        HttpAnswer first = f.placeOrder("answer-json", order(HOFF, 1));
        assertEquals(201, first.status(), first.body());
        JsonNode answer = first.json().get("partnerAnswer");
        assertEquals(200, answer.get("status").getIntValue());
        assertEquals("GIFT-0001", answer.get("json").get("certificates").get(0).get("code").getStringValue());
        assertEquals("0042", answer.get("json").get("certificates").get(0).get("pin").getStringValue(), "kept verbatim, leading zero too");

        HttpAnswer replay = f.placeOrder("answer-json", order(HOFF, 1));
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.body(), replay.body(), "the stored 201 carries the partner's answer");
        assertEquals(1, f.orderCalls());
    }

    @Test
    void aTextAnswerIsKeptAsTextAndAnOversizedOneIsCutAndSaysSo() {
        f.stubOrders(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("accepted: 2 codes mailed"));
        JsonNode text = f.placeOrder("answer-text", order(HOFF, 1)).json().get("partnerAnswer");
        assertEquals("accepted: 2 codes mailed", text.get("text").getStringValue());
        assertTrue(text.get("json") == null && !text.get("truncated").getBooleanValue());

        String huge = "{\"codes\":\"" + "A".repeat(VektorAnswer.MAX_CHARS) + "\"}";
        f.stubOrders(okJson(huge));
        JsonNode cut = f.placeOrder("answer-huge", order(HOFF, 1)).json().get("partnerAnswer");
        assertTrue(cut.get("truncated").getBooleanValue());
        assertEquals(huge.substring(0, VektorAnswer.MAX_CHARS), cut.get("text").getStringValue());
    }

    @Test
    void anAlreadyExistingOrderKeepsWhatVektorSaid() {
        f.stubOrders(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Order already exists\",\"status\":409}"));
        HttpAnswer answer = f.placeOrder("exists", order(HOFF, 1));
        assertEquals(201, answer.status(), answer.body());
        assertEquals(409, answer.json().get("partnerAnswer").get("status").getIntValue());
        assertEquals("Order already exists", answer.json().get("partnerAnswer").get("text").getStringValue());
    }
}
