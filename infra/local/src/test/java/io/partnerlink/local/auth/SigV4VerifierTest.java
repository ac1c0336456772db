package io.partnerlink.local.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local IAM authorizer against requests signed by the AWS SDK: what passes, and each way of failing. */
class SigV4VerifierTest {

    static final String REGION = "eu-north-1";
    static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");
    static final byte[] BODY = "{\"certificates\":[{\"id\":\"x\",\"quantity\":1}]}".getBytes(StandardCharsets.UTF_8);
    final LocalCallers callers = LocalCallers.of("AKIASECONDCALLER:second-secret");
    final SigV4Verifier verifier = new SigV4Verifier(callers, REGION);

    static SdkSigning signed(String key, String secret, String region, String service, Instant at) {
        return SdkSigning.sign("POST", "/gift-orders?b=2&a=1", Map.of("Content-Type", "application/json", "Idempotency-Key", "k-1"),
                BODY, key, secret, region, service, at);
    }

    static SdkSigning demo() {
        return signed(LocalCallers.DEMO_ACCESS_KEY, LocalCallers.DEMO_SECRET_KEY, REGION, "execute-api", NOW);
    }

    @Test
    void aRequestSignedByTheSdkPassesWithTheCallersIamContext() {
        Verdict verdict = demo().verifyWith(verifier, NOW.plusSeconds(30));
        assertTrue(verdict.allowed(), verdict.reason());
        assertEquals("arn:aws:iam::123456789012:user/local-" + LocalCallers.DEMO_ACCESS_KEY, verdict.authorizer().at("/iam/userArn").asText());
        assertEquals("123456789012", verdict.authorizer().at("/iam/accountId").asText());
        assertEquals(LocalCallers.DEMO_ACCESS_KEY, verdict.authorizer().at("/iam/accessKey").asText());
    }

    @Test
    void eachLocalCallerIsItsOwnPrincipal() {
        Verdict second = signed("AKIASECONDCALLER", "second-secret", REGION, "execute-api", NOW).verifyWith(verifier, NOW);
        assertTrue(second.allowed(), second.reason());
        assertEquals("arn:aws:iam::123456789012:user/local-AKIASECONDCALLER", second.authorizer().at("/iam/userArn").asText());
    }

    @Test
    void noAuthorizationIs401() {
        Verdict verdict = demo().withHeader("Authorization", null).verifyWith(verifier, NOW);
        assertEquals(401, verdict.status());
        assertNull(verdict.authorizer());
    }

    @Test
    void theWrongSecretServiceRegionOrKeyIs403() {
        assertEquals(403, signed(LocalCallers.DEMO_ACCESS_KEY, "wrong", REGION, "execute-api", NOW).verifyWith(verifier, NOW).status());
        assertEquals(403, signed(LocalCallers.DEMO_ACCESS_KEY, LocalCallers.DEMO_SECRET_KEY, REGION, "lambda", NOW).verifyWith(verifier, NOW).status());
        assertEquals(403, signed(LocalCallers.DEMO_ACCESS_KEY, LocalCallers.DEMO_SECRET_KEY, "us-east-1", "execute-api", NOW).verifyWith(verifier, NOW).status());
        assertEquals(403, signed("AKIAUNKNOWN", LocalCallers.DEMO_SECRET_KEY, REGION, "execute-api", NOW).verifyWith(verifier, NOW).status());
    }

    @Test
    void aBodyChangedAfterSigningIs403() {
        Verdict verdict = demo().withBody("{\"certificates\":[{\"id\":\"x\",\"quantity\":9}]}".getBytes(StandardCharsets.UTF_8)).verifyWith(verifier, NOW);
        assertEquals(403, verdict.status());
    }

    @Test
    void aSignedHeaderChangedAfterSigningIs403() {
        assertEquals(403, demo().withHeader("Idempotency-Key", "k-2").verifyWith(verifier, NOW).status());
        assertEquals(403, demo().withHeader("Host", "evil.example").verifyWith(verifier, NOW).status());
    }

    @Test
    void aMissingOrStaleDateIs403() {
        assertEquals(403, demo().withHeader("X-Amz-Date", null).verifyWith(verifier, NOW).status());
        assertEquals(403, demo().verifyWith(verifier, NOW.plus(Duration.ofMinutes(16))).status());
        assertEquals(403, demo().verifyWith(verifier, NOW.minus(Duration.ofMinutes(16))).status());
        assertTrue(demo().verifyWith(verifier, NOW.plus(Duration.ofMinutes(14))).allowed());
    }

    @Test
    void theCanonicalPathIsEncodedTwiceAsForEveryServiceButS3() {
        assertEquals("/domains/example.art/renewals", SigV4Verifier.canonicalPath("/domains/example.art/renewals"));
        assertEquals("/echo/J%25C3%25BCrgen", SigV4Verifier.canonicalPath("/echo/J%C3%BCrgen"));
        assertEquals("/", SigV4Verifier.canonicalPath(""));
        assertEquals("a=1&a=2&b=%20x", SigV4Verifier.canonicalQuery("b=%20x&a=2&a=1"));
        assertFalse(demo().verifyWith(new SigV4Verifier(LocalCallers.of(null), "eu-west-1"), NOW).allowed());
    }
}
