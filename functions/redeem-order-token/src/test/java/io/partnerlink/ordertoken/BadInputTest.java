package io.partnerlink.ordertoken;

import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.HttpAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.partnerlink.ordertoken.OrderTokenFixture.SIGNING_SECRET;
import static io.partnerlink.ordertoken.OrderTokenFixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Correctly signed but bad bodies: 400 problem JSON naming the field, no Vitec call, no record. */
class BadInputTest {

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

    void assertInvalid(ApiEvents event, String field) {
        HttpAnswer answer = fx.send(event);
        assertEquals(400, answer.status(), answer.body());
        assertEquals("validation-failed", answer.problemType());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        if (field != null) {
            assertTrue(answer.body().contains("\"field\":\"" + field + "\""), answer.body());
        }
        assertEquals(0, fx.vitecCalls());
        assertEquals(0, fx.records());
    }

    void assertInvalid(String body, String field) {
        assertInvalid(fx.signedEvent(body, SIGNING_SECRET, fx.now()), field);
    }

    @Test
    void missingOrEmptyCustomerId() {
        assertInvalid("{\"token\":\"t\"}", "customerId");
        assertInvalid(body("", "t"), "customerId");
        assertInvalid(body("   ", "t"), "customerId");
        assertInvalid("{\"customerId\":null,\"token\":\"t\"}", "customerId");
    }

    @Test
    void missingOrEmptyToken() {
        assertInvalid("{\"customerId\":\"M100\"}", "token");
        assertInvalid(body("M100", ""), "token");
        assertInvalid(body("M100", " \\t "), "token");
    }

    @Test
    void aTokenOver4KiBIsRefusedAndOneOfExactly4KiBIsAccepted() {
        assertInvalid(body("M100", "a".repeat(4097)), "token");
        assertInvalid(body("M100", "\u00e5".repeat(2049)), "token"); // 2049 characters, 4098 bytes
        HttpAnswer atLimit = fx.deliver(body("M100", "a".repeat(4096)));
        assertEquals(200, atLimit.status(), atLimit.body());
    }

    @Test
    void customerIdsThatWouldBendVitecsUrlAreRefused() {
        for (String id : new String[]{"M1/../x", "..", ".hidden", "M 1", "M1?x=1", "M1%2F", "x".repeat(65)}) {
            assertInvalid(body(id, "t"), "customerId");
        }
    }

    @Test
    void nonJsonBodiesAreRefused() {
        assertInvalid("not json", "body");
        assertInvalid("[\"M100\",\"t\"]", "body");
        assertInvalid("null", "body");
        assertInvalid("", "body");
        // Which field Serde names for an object is its business; the answer must be a 400 all the same.
        assertInvalid("{\"customerId\":\"M100\",\"token\":{\"data\":\"t\"}}", null);
        // Serde would coerce these into strings; they are refused as the wrong type.
        assertInvalid("{\"customerId\":\"M100\",\"token\":[\"t\"]}", "token");
        assertInvalid("{\"customerId\":\"M100\",\"token\":42}", "token");
        assertInvalid("{\"customerId\":10001,\"token\":\"t\"}", "customerId");
        assertInvalid("{\"customerId\":\"M100\",\"token\":true}", "token");
    }

    @Test
    void unknownFieldsAreRefused() {
        assertInvalid("{\"customerId\":\"M100\",\"token\":\"t\",\"admin\":true}", "admin");
    }

    @Test
    void theWrongContentTypeIsRefused() {
        String body = body("M100", "t");
        long ts = fx.now();
        String signature = "sha256=" + OrderTokenFixture.hmac(SIGNING_SECRET, ts + "." + body);
        assertInvalid(ApiEvents.request("POST", "/vitec/order-tokens").header("Content-Type", "text/plain")
                .header("X-Timestamp", Long.toString(ts)).header("X-Signature", signature).rawBody(body), "Content-Type");
        assertInvalid(ApiEvents.request("POST", "/vitec/order-tokens")
                .header("X-Timestamp", Long.toString(ts)).header("X-Signature", signature).rawBody(body), "Content-Type");
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        byte[] latin1 = "{\"customerId\":\"M100\",\"token\":\"\u00e5\"}".getBytes(StandardCharsets.ISO_8859_1);
        long ts = fx.now();
        String signature;
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((ts + ".").getBytes(StandardCharsets.US_ASCII));
            signature = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(latin1));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        assertInvalid(ApiEvents.request("POST", "/vitec/order-tokens").header("Content-Type", "application/json")
                .header("X-Timestamp", Long.toString(ts)).header("X-Signature", signature)
                .base64Body(Base64.getEncoder().encodeToString(latin1)), "body");
    }
}
