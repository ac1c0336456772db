package io.partnerlink.ordertoken;

import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.partnerlink.ordertoken.OrderTokenFixture.SIGNING_SECRET;
import static io.partnerlink.ordertoken.OrderTokenFixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** X-Signature / X-Timestamp: what passes, and that a refused request does nothing at all. */
class WebhookSignatureTest {

    final String request = body("M100", "tok-" + UUID.randomUUID());
    OrderTokenFixture fx;

    @BeforeEach
    void start() {
        fx = new OrderTokenFixture();
        fx.answerAnyTokenWithATicketOfM100();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    void assertRefused(ApiEvents event) {
        HttpAnswer answer = fx.send(event);
        assertEquals(401, answer.status(), answer.body());
        assertEquals("signature-invalid", answer.problemType());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertEquals(0, fx.vitecCalls());
        assertEquals(0, fx.records());
    }

    @Test
    void aValidSignatureIsAccepted() {
        assertEquals(200, fx.send(fx.signedEvent(request, SIGNING_SECRET, fx.now())).status());
    }

    @Test
    void aSignatureInUpperCaseHexIsTheSameSignature() {
        long ts = fx.now();
        String hex = OrderTokenFixture.hmac(SIGNING_SECRET, ts + "." + request).toUpperCase(java.util.Locale.ROOT);
        HttpAnswer answer = fx.send(ApiEvents.request("POST", "/vitec/order-tokens")
                .header("X-Timestamp", Long.toString(ts)).header("X-Signature", "sha256=" + hex).json(request));
        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void aSignatureWithTheWrongSecretIsRefused() {
        assertRefused(fx.signedEvent(request, "not-the-secret", fx.now()));
    }

    @Test
    void aStaleTimestampIsRefused() {
        assertRefused(fx.signedEvent(request, SIGNING_SECRET, fx.now() - 310));
    }

    @Test
    void aTimestampWithinFiveMinutesIsAccepted() {
        assertEquals(200, fx.send(fx.signedEvent(request, SIGNING_SECRET, fx.now() - 280)).status());
    }

    @Test
    void aTimestampTooFarInTheFutureIsRefused() {
        assertRefused(fx.signedEvent(request, SIGNING_SECRET, fx.now() + 120));
    }

    @Test
    void aTimestampInMillisecondsIsRefused() {
        assertRefused(fx.signedEvent(request, SIGNING_SECRET, fx.now() * 1000));
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        long ts = fx.now();
        String signature = "sha256=" + OrderTokenFixture.hmac(SIGNING_SECRET, ts + "." + request);
        assertRefused(ApiEvents.request("POST", "/vitec/order-tokens").header("X-Timestamp", Long.toString(ts))
                .header("X-Signature", signature).json(body("M200", "tok-other")));
    }

    @Test
    void aTimestampChangedAfterSigningIsRefused() {
        long ts = fx.now();
        String signature = "sha256=" + OrderTokenFixture.hmac(SIGNING_SECRET, ts + "." + request);
        assertRefused(ApiEvents.request("POST", "/vitec/order-tokens").header("X-Timestamp", Long.toString(ts - 1))
                .header("X-Signature", signature).json(request));
    }

    @Test
    void missingHeadersAreRefused() {
        assertRefused(ApiEvents.request("POST", "/vitec/order-tokens").json(request));
        assertRefused(ApiEvents.request("POST", "/vitec/order-tokens").header("X-Timestamp", Long.toString(fx.now())).json(request));
        long ts = fx.now();
        assertRefused(ApiEvents.request("POST", "/vitec/order-tokens")
                .header("X-Signature", "sha256=" + OrderTokenFixture.hmac(SIGNING_SECRET, ts + "." + request)).json(request));
    }

    @Test
    void malformedHeadersAreRefused() {
        long ts = fx.now();
        String hex = OrderTokenFixture.hmac(SIGNING_SECRET, ts + "." + request);
        for (String signature : new String[]{hex, "sha1=" + hex, "sha256=" + hex.substring(2), "sha256=" + hex + "00", "sha256=zz" + hex.substring(2), ""}) {
            assertRefused(ApiEvents.request("POST", "/vitec/order-tokens").header("X-Timestamp", Long.toString(ts))
                    .header("X-Signature", signature).json(request));
        }
        for (String timestamp : new String[]{"", "-1", ts + ".0", " " + ts, "1e9"}) {
            assertRefused(ApiEvents.request("POST", "/vitec/order-tokens").header("X-Timestamp", timestamp)
                    .header("X-Signature", "sha256=" + OrderTokenFixture.hmac(SIGNING_SECRET, timestamp + "." + request)).json(request));
        }
    }

    @Test
    void theSignatureIsCheckedBeforeTheBodyIsRead() {
        assertRefused(ApiEvents.request("POST", "/vitec/order-tokens").rawBody("not json"));
    }

    @Test
    void withoutAWebhookSecretIdEveryRequestIsRefusedAndNothingIsRedeemed() {
        fx.close();
        fx = new OrderTokenFixture(PartnerSandbox.start(), false, Map.of());
        fx.answerAnyTokenWithATicketOfM100();
        for (ApiEvents event : java.util.List.of(ApiEvents.request("POST", "/vitec/order-tokens").noCaller().json(request),
                fx.signedEvent(request, SIGNING_SECRET, fx.now()), fx.signedEvent(request, "any-key", fx.now()))) {
            HttpAnswer answer = fx.send(event);
            assertEquals(503, answer.status(), answer.body());
            assertEquals("secrets-unavailable", answer.problemType());
        }
        assertEquals(0, fx.vitecCalls());
        assertEquals(0, fx.records());
    }

    @Test
    void aSecretWithoutASigningKeyIs503AndNothingHappens() {
        String empty = "webhook/empty-" + UUID.randomUUID();
        fx.aws.putSecret(empty, "{\"signingSecret\":\"\"}");
        fx.close();
        fx = new OrderTokenFixture(PartnerSandbox.start(), true, Map.of("webhook.secret-id", empty));
        fx.answerAnyTokenWithATicketOfM100();
        HttpAnswer answer = fx.send(fx.signedEvent(request, "any-key", fx.now()));
        assertEquals(503, answer.status(), answer.body());
        assertEquals("secrets-unavailable", answer.problemType());
        assertEquals(0, fx.vitecCalls());
        assertEquals(0, fx.records());
    }

    @Test
    void duringARotationThePreviousKeyAndTheNewKeyAreBothAccepted() {
        String next = "next-" + UUID.randomUUID();
        fx.aws.putSecret(fx.webhookSecretId, "{\"signingSecret\":\"" + next + "\",\"previousSigningSecret\":\"" + SIGNING_SECRET + "\"}");
        fx.context.getBean(io.partnerlink.shared.secrets.PartnerSecrets.class).refresh(fx.webhookSecretId);
        assertEquals(200, fx.send(fx.signedEvent(request, SIGNING_SECRET, fx.now())).status());
        // The same token signed with the new key is the same sender: replayed, not redeemed again.
        HttpAnswer again = fx.send(fx.signedEvent(request, next, fx.now()));
        assertEquals(200, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1, fx.vitecCalls());
        assertRefusedWithoutEffect(fx.signedEvent(body("M100", "tok-" + UUID.randomUUID()), "neither-" + UUID.randomUUID(), fx.now()));
    }

    @Test
    void afterTheRotationThePreviousKeyIsRefused() {
        String next = "next-" + UUID.randomUUID();
        fx.aws.putSecret(fx.webhookSecretId, "{\"signingSecret\":\"" + next + "\"}");
        fx.context.getBean(io.partnerlink.shared.secrets.PartnerSecrets.class).refresh(fx.webhookSecretId);
        assertRefused(fx.signedEvent(request, SIGNING_SECRET, fx.now()));
        assertEquals(200, fx.send(fx.signedEvent(request, next, fx.now())).status());
    }

    void assertRefusedWithoutEffect(ApiEvents event) {
        int calls = fx.vitecCalls();
        int records = fx.records();
        HttpAnswer answer = fx.send(event);
        assertEquals(401, answer.status(), answer.body());
        assertEquals(calls, fx.vitecCalls());
        assertEquals(records, fx.records());
    }

    @Test
    void aConfiguredButMissingSecretIs503AndNothingHappens() {
        fx.close();
        fx = new OrderTokenFixture(PartnerSandbox.start(), true, Map.of("webhook.secret-id", "webhook/absent-" + UUID.randomUUID()));
        HttpAnswer answer = fx.send(fx.signedEvent(request, SIGNING_SECRET, fx.now()));
        assertEquals(503, answer.status(), answer.body());
        assertEquals("secrets-unavailable", answer.problemType());
        assertEquals(0, fx.vitecCalls());
        assertEquals(0, fx.records());
    }
}
