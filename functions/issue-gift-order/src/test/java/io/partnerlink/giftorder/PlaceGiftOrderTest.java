package io.partnerlink.giftorder;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.micronaut.json.tree.JsonNode;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.HttpAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.partnerlink.giftorder.GiftOrderFixture.DECIMAL;
import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.HUGE;
import static io.partnerlink.giftorder.GiftOrderFixture.LETUAL;
import static io.partnerlink.giftorder.GiftOrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /gift-orders} through the real handler: the order, its replay, and the answers that are stored. */
class PlaceGiftOrderTest {

    final GiftOrderFixture f = new GiftOrderFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void placesOneOrderAndReplaysItForTheSameKey() {
        String body = """
                {"customer":{"email":"anna@example.com","name":"Anna Petrova","phone":"+79251153242"},
                 "certificates":[{"id":"%s","quantity":2},{"id":"%s","quantity":1}],
                 "reference":"shop-order-17","expectedTotal":2700.00}
                """.formatted(HOFF.toLowerCase(), LETUAL);
        HttpAnswer first = f.placeOrder("order-1", body);

        assertEquals(201, first.status(), first.body());
        assertNull(first.header("Idempotent-Replayed"));
        JsonNode json = first.json();
        String orderId = json.get("orderId").getStringValue();
        assertEquals(f.orderIdFor("order-1", body), orderId);
        assertEquals("shop-order-17", json.get("reference").getStringValue());
        assertEquals("79251153242", json.get("customer").get("phone").getStringValue());
        JsonNode line = json.get("certificates").get(0);
        assertEquals(HOFF, line.get("id").getStringValue(), "the partner's id, in the partner's case");
        assertEquals("Хофф", line.get("vendor").getStringValue());
        assertEquals("rub", line.get("unit").getStringValue());
        assertTrue(first.body().contains("\"nominalValue\":1000,\"unitPrice\":1100,\"quantity\":2,\"lineTotal\":2200"), first.body());
        assertTrue(first.body().contains("\"total\":2700"), first.body());

        // The partner got the documented order body, with a bearer token and our orderId.
        f.vektor.wireMock().verify(1, postRequestedFor(urlEqualTo("/api/orders"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withRequestBody(equalToJson("""
                        {"orderId":"%s","customer":{"email":"anna@example.com","name":"Anna Petrova","phone":"79251153242"},
                         "certificates":[{"id":"%s","quantity":2},{"id":"%s","quantity":1}]}
                        """.formatted(orderId, HOFF, LETUAL))));

        HttpAnswer again = f.placeOrder("order-1", body);
        assertEquals(201, again.status());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.body(), again.body());
        assertEquals(1, f.orderCalls());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        assertEquals(201, f.placeOrder("order-1", order(HOFF, 1)).status());
        HttpAnswer reused = f.placeOrder("order-1", order(HOFF, 2));
        assertEquals(422, reused.status());
        assertEquals("idempotency-key-reused", reused.problemType());
        assertEquals(1, f.orderCalls());
    }

    @Test
    void theSameRequestWrittenDifferentlyIsTheSameRequest() {
        assertEquals(201, f.placeOrder("order-1", order(HOFF, 1)).status());
        String reformatted = "{\"reference\":\"shop-order-17\",\"certificates\":[{\"quantity\":1,\"id\":\"" + HOFF + "\"}],"
                + "\"customer\":{\"phone\":\"+79251153242\",\"name\":\"Anna Petrova\",\"email\":\"anna@example.com\"}}";
        HttpAnswer again = f.placeOrder("order-1", reformatted);
        assertEquals(201, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
    }

    @Test
    void moneyIsExactDecimalEndToEnd() {
        String body = """
                {"customer":{"email":"a@example.com"},"certificates":[{"id":"%s","quantity":3},{"id":"%s","quantity":1}]}
                """.formatted(DECIMAL, HUGE);
        HttpAnswer answer = f.placeOrder("decimals", body);
        assertEquals(201, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"nominalValue\":0.1,\"unitPrice\":1099.99,\"quantity\":3,\"lineTotal\":3299.97"), answer.body());
        assertTrue(answer.body().contains("\"unitPrice\":12345678901234567.89"), answer.body());
        assertTrue(answer.body().contains("\"total\":12345678901237867.86"), answer.body());
        assertEquals("{\"email\":\"a@example.com\"}", f.vektor.wireMock().findAll(postRequestedFor(urlEqualTo("/api/orders")))
                .getFirst().getBodyAsString().replaceAll(".*\"customer\":(\\{[^}]*}).*", "$1"), "absent name and phone are not sent");
    }

    @Test
    void anUnknownCertificateIs422AndOrdersNothing() {
        String unknown = "00000000-0000-4000-8000-000000000000";
        String body = """
                {"customer":{"email":"a@example.com"},"certificates":[{"id":"%s","quantity":1},{"id":"%s","quantity":1}]}
                """.formatted(HOFF, unknown);
        HttpAnswer answer = f.placeOrder("unknown-1", body);
        assertEquals(422, answer.status(), answer.body());
        assertEquals("validation-failed", answer.problemType());
        assertEquals(List.of("certificates[1].id"), HttpAnswerJson.errorFields(answer));
        assertEquals(0, f.orderCalls());
        assertEquals(2, f.calls(WireMock.getRequestedFor(urlEqualTo("/api/certificates"))), "a miss is checked on a fresh catalogue");

        HttpAnswer replay = f.placeOrder("unknown-1", body);
        assertEquals(422, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed"));
    }

    @Test
    void aChangedPriceIs409AndOrdersNothing() {
        HttpAnswer answer = f.placeOrder("price-1", """
                {"customer":{"email":"a@example.com"},"certificates":[{"id":"%s","quantity":2}],"expectedTotal":2000}
                """.formatted(HOFF));
        assertEquals(409, answer.status(), answer.body());
        assertEquals("price-changed", answer.problemType());
        assertEquals(List.of("expectedTotal"), HttpAnswerJson.errorFields(answer));
        assertTrue(answer.body().contains("2200"), answer.body());
        assertEquals(0, f.orderCalls());
    }

    @Test
    void aPartnerValidationErrorIsStoredAs422WithOurFieldNames() {
        f.stubOrders(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"message":"Invalid request","status":400,"errors":{"Customer.Email":["The Email field is not a valid e-mail address."],
                 "Certificates[0].Quantity":["Too many."]}}
                """));
        HttpAnswer answer = f.placeOrder("partner-400", order(HOFF, 1));
        assertEquals(422, answer.status(), answer.body());
        assertEquals("validation-failed", answer.problemType());
        assertEquals(List.of("customer.email", "certificates[0].quantity"), HttpAnswerJson.errorFields(answer).stream().sorted().toList().reversed());
        assertTrue(answer.body().contains("The Email field is not a valid e-mail address."), answer.body());

        HttpAnswer replay = f.placeOrder("partner-400", order(HOFF, 1));
        assertEquals(422, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(1, f.orderCalls(), "a refusal is not retried");
    }

    @Test
    void anOrderThePartnerAlreadyHasCountsAsPlaced() {
        f.stubOrders(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Order already exists\",\"status\":409}"));
        HttpAnswer answer = f.placeOrder("exists-1", order(HOFF, 1));
        assertEquals(201, answer.status(), answer.body());
        assertEquals(1, f.orderCalls());
    }

    @Test
    void aRepeatedOrderIdReportedAsAValidationErrorAlsoCountsAsPlaced() {
        f.stubOrders(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Invalid request\",\"status\":400,\"errors\":{\"OrderId\":[\"Order already exists.\"]}}"));
        assertEquals(201, f.placeOrder("exists-2", order(HOFF, 1)).status());
    }
}
