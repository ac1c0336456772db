package io.partnerlink.ordertoken;

import io.micronaut.json.tree.JsonNode;
import io.partnerlink.shared.secrets.BasicCredentials;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.partnerlink.ordertoken.OrderTokenFixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook end to end, the way Lambda calls it: API Gateway v2 events, WireMock Vitec, DynamoDB Local, moto. */
class RedeemOrderTokenTest {

    static final String PATH = "/Service/Order/Token/M100";
    final String token = "tok-" + UUID.randomUUID();
    final OrderTokenFixture fx = new OrderTokenFixture();
    final String request = body("M100", token);

    @AfterEach
    void stop() {
        fx.close();
    }

    static String ticket(String customerId, String expiryField, boolean expired) {
        return "{\"orderId\":\"O-1\",\"userId\":\"U-1\",\"orderUserId\":\"AGENT-1\",\"targetId\":\"OBJ-1\","
                + "\"targetType\":\"Villa\",\"tenantId\":\"TEN-1\",\"chainId\":\"CH-1\",\"customerId\":\"" + customerId
                + "\",\"" + expiryField + "\":" + expired + "}";
    }

    @Test
    void aValidTokenAnswersTheTicketAndTenRedeliveriesReplayItWithoutCallingVitec() {
        fx.stub(post(PATH)
                .withHeader("Authorization", equalTo(new BasicCredentials("partnerlink", OrderTokenFixture.VITEC_PASSWORD).authorizationHeader()))
                .withRequestBody(equalToJson("{\"data\":\"" + token + "\"}"))
                .willReturn(okJson(ticket("M100", "hasExpired", false))));
        HttpAnswer first = fx.deliver(request);
        assertEquals(200, first.status(), first.body());
        JsonNode t = first.json();
        assertEquals("O-1", t.get("orderId").getStringValue());
        assertEquals("U-1", t.get("userId").getStringValue());
        assertEquals("AGENT-1", t.get("orderUserId").getStringValue());
        assertEquals("OBJ-1", t.get("targetId").getStringValue());
        assertEquals("Villa", t.get("targetType").getStringValue());
        assertEquals("TEN-1", t.get("tenantId").getStringValue());
        assertEquals("CH-1", t.get("chainId").getStringValue());
        assertEquals("M100", t.get("customerId").getStringValue());
        Instant redeemedAt = Instant.parse(t.get("redeemedAt").getStringValue());
        assertTrue(redeemedAt.isAfter(Instant.now().minusSeconds(60)), redeemedAt.toString());
        assertNull(t.get("hasExpired"));
        assertFalse(first.body().contains(token));
        assertNull(first.header("Idempotent-Replayed"));

        for (int i = 0; i < 10; i++) {
            // Senders re-sign each delivery; some also re-serialize the body, which is still the same delivery.
            String again = i % 2 == 0 ? request : "{ \"token\": \"" + token + "\", \"customerId\": \"M100\" }";
            HttpAnswer replay = fx.deliver(again);
            assertEquals(200, replay.status(), replay.body());
            assertEquals(first.body(), replay.body());
            assertEquals("true", replay.header("Idempotent-Replayed"));
        }
        assertEquals(1, fx.vitecCalls());
        assertEquals(1, fx.records());
    }

    @Test
    void anExpiredTokenIs410AndRepeatsReplayThe410WithoutCallingVitec() {
        fx.stub(post(PATH).willReturn(okJson(ticket("M100", "orderTicketHasExpired", true))));
        HttpAnswer first = fx.deliver(request);
        assertEquals(410, first.status(), first.body());
        assertEquals("token-expired", first.problemType());
        assertEquals("application/problem+json", first.header("Content-Type"));
        HttpAnswer again = fx.deliver(request);
        assertEquals(410, again.status());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1, fx.vitecCalls());
    }

    @Test
    void vitec400Is422WithItsMessageAndIsReplayed() {
        fx.stub(post(PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"Message\":\"Token " + token + " is not valid.\"}")));
        HttpAnswer first = fx.deliver(request);
        assertEquals(422, first.status(), first.body());
        assertEquals("validation-failed", first.problemType());
        assertEquals("Vitec rejected the order token: Token *** is not valid.", first.json().get("detail").getStringValue());
        assertEquals(first.body(), fx.deliver(request).body());
        assertEquals(1, fx.vitecCalls());
    }

    @Test
    void vitec401RereadsTheSecretRetriesOnceThen502WithAnAlarmLineAndNothingStored() {
        fx.stub(post(PATH).willReturn(aResponse().withStatus(401)));
        try (LogCapture logs = LogCapture.attach()) {
            HttpAnswer answer = fx.deliver(request);
            assertEquals(502, answer.status(), answer.body());
            assertEquals("upstream-rejected", answer.problemType());
            assertEquals(2, fx.vitecCalls());
            assertEquals(1, logs.lines().stream().filter(l -> l.contains("\"level\":\"ERROR\"")
                    && l.contains("\"alarm\":\"" + OrderTokenRedemption.CREDENTIALS_REFUSED + "\"")).count(), String.join("\n", logs.lines()));
            assertTrue(logs.linesContaining(OrderTokenFixture.VITEC_PASSWORD).isEmpty());
        }
        assertNothingStoredSoARedeliveryCallsVitecAgain();
    }

    @Test
    void vitec401WithASecretRotatedMeanwhileSucceedsOnTheRetry() {
        fx.stub(post(PATH).willReturn(okJson(ticket("M100", "hasExpired", false))));
        assertEquals(200, fx.deliver(body("M100", "warm-up")).status());
        String rotated = "rotated-" + UUID.randomUUID();
        fx.aws.putSecret(fx.vitecSecretId, "{\"username\":\"partnerlink\",\"password\":\"" + rotated + "\"}");
        fx.vitec.reset();
        fx.stub(post(PATH).willReturn(aResponse().withStatus(401)));
        fx.stub(post(PATH).withHeader("Authorization", equalTo(new BasicCredentials("partnerlink", rotated).authorizationHeader()))
                .willReturn(okJson(ticket("M100", "hasExpired", false))));
        assertEquals(200, fx.deliver(request).status());
        assertEquals(2, fx.vitecCalls());
    }

    @Test
    void vitec403Is502NamingTheCustomerAndIsReplayed() {
        fx.stub(post(PATH).willReturn(aResponse().withStatus(403)));
        HttpAnswer first;
        try (LogCapture logs = LogCapture.attach()) {
            first = fx.deliver(request);
            assertFalse(logs.lines().stream().filter(l -> l.contains("\"level\":\"ERROR\"") && l.contains("M100")).toList().isEmpty());
        }
        assertEquals(502, first.status(), first.body());
        assertEquals("upstream-rejected", first.problemType());
        assertTrue(first.json().get("detail").getStringValue().contains("M100"));
        HttpAnswer again = fx.deliver(request);
        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1, fx.vitecCalls());
    }

    @Test
    void vitec5xxIsRetriedWithinTheTimeThen503AndNotStored() {
        fx.stub(post(PATH).willReturn(aResponse().withStatus(500)));
        HttpAnswer answer = fx.deliver(request);
        assertEquals(503, answer.status(), answer.body());
        assertEquals("upstream-unavailable", answer.problemType());
        assertEquals(3, fx.vitecCalls());
        assertNothingStoredSoARedeliveryCallsVitecAgain();
    }

    private void assertNothingStoredSoARedeliveryCallsVitecAgain() {
        assertEquals(0, fx.records());
        fx.vitec.reset();
        fx.stub(post(PATH).willReturn(okJson(ticket("M100", "hasExpired", false))));
        assertEquals(200, fx.deliver(request).status());
        assertEquals(1, fx.vitecCalls());
    }

    @Test
    void aVitecTimeoutIsRetriedThen503() {
        try (OrderTokenFixture impatient = new OrderTokenFixture(io.partnerlink.testsupport.PartnerSandbox.start(), true,
                java.util.Map.of("vitec.read-timeout", "300ms"))) {
            impatient.stub(post(PATH).willReturn(okJson(ticket("M100", "hasExpired", false)).withFixedDelay(2000)));
            HttpAnswer answer = impatient.deliver(request);
            assertEquals(503, answer.status(), answer.body());
            assertEquals("upstream-unavailable", answer.problemType());
            assertEquals(3, impatient.vitecCalls());
            assertEquals(0, impatient.records());
        }
    }

    @Test
    void aTicketOfAnotherCustomerIs502LoggedAsAnErrorAndReplayed() {
        fx.stub(post(PATH).willReturn(okJson(ticket("M999", "hasExpired", false))));
        try (LogCapture logs = LogCapture.attach()) {
            HttpAnswer first = fx.deliver(request);
            assertEquals(502, first.status(), first.body());
            assertEquals("upstream-rejected", first.problemType());
            assertFalse(first.body().contains("O-1"));
            assertFalse(logs.lines().stream().filter(l -> l.contains("\"level\":\"ERROR\"") && l.contains("M999")).toList().isEmpty());
            assertEquals(first.body(), fx.deliver(request).body());
        }
        assertEquals(1, fx.vitecCalls());
    }

    @Test
    void aTicketWithoutAnyExpiryFlagIsRefusedAndNotStored() {
        fx.stub(post(PATH).willReturn(okJson("{\"orderId\":\"O-1\",\"customerId\":\"M100\"}")));
        HttpAnswer answer = fx.deliver(request);
        assertEquals(502, answer.status(), answer.body());
        assertEquals(0, fx.records());
    }

    @Test
    void fieldsVitecLeavesOutAreAnsweredAsNullSoTheShapeStaysFixed() {
        fx.stub(post(PATH).willReturn(okJson("{\"orderId\":\"O-1\",\"customerId\":\"M100\",\"hasExpired\":false}")));
        HttpAnswer answer = fx.deliver(request);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.json().get("orderUserId").isNull(), answer.body());
        assertTrue(answer.json().get("targetId").isNull(), answer.body());
    }

    @Test
    void anotherRouteIs404() {
        HttpAnswer answer = fx.send(io.partnerlink.testsupport.ApiEvents.request("GET", "/vitec/order-tokens").json(request));
        assertEquals(404, answer.status());
        assertEquals("not-found", answer.problemType());
        assertEquals(0, fx.vitecCalls());
    }

    @Test
    void theTokenTheCredentialsAndTheSigningSecretNeverReachLogsOrAnswers() {
        try (LogCapture logs = LogCapture.attach()) {
            fx.stub(post(PATH).willReturn(okJson(ticket("M100", "hasExpired", false))));
            StringBuilder answers = new StringBuilder(fx.deliver(request).body()).append(fx.deliver(request).body());
            for (int status : new int[]{400, 401, 403, 500}) {
                fx.vitec.reset();
                String other = token + "-" + status;
                fx.stub(post(PATH).willReturn(aResponse().withStatus(status).withBody("{\"Message\":\"echo " + other + "\"}")));
                answers.append(fx.deliver(body("M100", other)).body());
            }
            answers.append(fx.send(fx.signedEvent(request, "wrong", fx.now())).body());
            assertFalse(logs.lines().isEmpty());
            for (String secret : new String[]{token, OrderTokenFixture.VITEC_PASSWORD, OrderTokenFixture.SIGNING_SECRET,
                    new BasicCredentials("partnerlink", OrderTokenFixture.VITEC_PASSWORD).authorizationHeader().substring(6)}) {
                assertEquals(java.util.List.of(), logs.linesContaining(secret));
                assertFalse(answers.toString().contains(secret), secret);
            }
            String tokenHash = io.partnerlink.shared.idempotency.IdempotencyKeys.logHash(token);
            assertFalse(logs.linesContaining(tokenHash).isEmpty(), "log lines carry the token's hash");
        }
    }
}
