package io.partnerlink.local.auth;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local IAM authorizer over generated requests (1,000 tries each): whatever the path, query and body, an
 * SDK-signed request passes; any one tampering, malformed or stale part, or arbitrary {@code Authorization} text is
 * refused, and a refusal never carries an authorizer context (so nothing reaches the function).
 */
class SigV4VerifierProperties {

    static final String REGION = "eu-north-1";
    static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");
    final SigV4Verifier verifier = new SigV4Verifier(LocalCallers.of(null), REGION);

    enum Tampering {
        WRONG_SERVICE, WRONG_REGION, SCOPE_DATE_NOT_AMZ_DATE, HOST_NOT_SIGNED, AMZ_DATE_NOT_SIGNED, BODY_CHANGED,
        MISSING_AMZ_DATE, MALFORMED_AMZ_DATE, SIGNATURE_CHANGED, UNKNOWN_KEY, WRONG_SECRET, OVERSIZED_HEADER,
        ALGORITHM_CHANGED, TRUNCATED, STALE, FUTURE, PATH_CHANGED, QUERY_CHANGED, METHOD_CHANGED
    }

    record Request(String method, String path, String query, String body) {
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcXYZ019-_.~").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> path = segment.list().ofMinSize(1).ofMaxSize(4).map(s -> "/" + String.join("/", s));
        Arbitrary<String> query = Combinators.combine(segment, segment).as((k, v) -> k + "=" + v).list().ofMaxSize(3)
                .map(l -> l.isEmpty() ? "" : "?" + String.join("&", l));
        Arbitrary<String> body = Arbitraries.strings().ofMaxLength(200);
        return Combinators.combine(Arbitraries.of("GET", "POST", "PUT", "DELETE"), path, query, body).as(Request::new);
    }

    static SdkSigning sign(Request r, String key, String secret, String region, String service, Instant at) {
        return SdkSigning.sign(r.method(), r.path() + r.query(), Map.of("Content-Type", "application/json", "Idempotency-Key", "k"),
                r.body().getBytes(StandardCharsets.UTF_8), key, secret, region, service, at);
    }

    static SdkSigning demo(Request r) {
        return sign(r, LocalCallers.DEMO_ACCESS_KEY, LocalCallers.DEMO_SECRET_KEY, REGION, "execute-api", NOW);
    }

    @Property(tries = 1000)
    void everySdkSignedRequestPasses(@ForAll("requests") Request request) {
        Verdict verdict = demo(request).verifyWith(verifier, NOW);
        assertTrue(verdict.allowed(), verdict.reason() + " for " + request);
    }

    @Property(tries = 1000)
    void everyTamperedRequestIsRefused(@ForAll("requests") Request request, @ForAll Tampering tampering) {
        SdkSigning signed = demo(request);
        String authorization = signed.header("Authorization");
        Instant now = NOW;
        SdkSigning sent = switch (tampering) {
            case WRONG_SERVICE -> sign(request, LocalCallers.DEMO_ACCESS_KEY, LocalCallers.DEMO_SECRET_KEY, REGION, "execute-apj", NOW);
            case WRONG_REGION -> sign(request, LocalCallers.DEMO_ACCESS_KEY, LocalCallers.DEMO_SECRET_KEY, "eu-north-2", "execute-api", NOW);
            case SCOPE_DATE_NOT_AMZ_DATE -> signed.withHeader("Authorization", authorization.replace("/20261204/", "/20261203/"));
            case HOST_NOT_SIGNED -> signed.withHeader("Authorization", authorization.replace("host;", ""));
            case AMZ_DATE_NOT_SIGNED -> signed.withHeader("Authorization", authorization.replace(";x-amz-date", ""));
            case BODY_CHANGED -> signed.withBody((request.body() + " ").getBytes(StandardCharsets.UTF_8));
            case MISSING_AMZ_DATE -> signed.withHeader("X-Amz-Date", null);
            case MALFORMED_AMZ_DATE -> signed.withHeader("X-Amz-Date", "2026-12-04T18:00:00Z");
            case SIGNATURE_CHANGED -> signed.withHeader("Authorization", flipLastHexDigit(authorization));
            case UNKNOWN_KEY -> sign(request, "AKIANOBODY", LocalCallers.DEMO_SECRET_KEY, REGION, "execute-api", NOW);
            case WRONG_SECRET -> sign(request, LocalCallers.DEMO_ACCESS_KEY, LocalCallers.DEMO_SECRET_KEY + "x", REGION, "execute-api", NOW);
            case OVERSIZED_HEADER -> signed.withHeader("Authorization", authorization + " ".repeat(SigV4Verifier.MAX_HEADER));
            case ALGORITHM_CHANGED -> signed.withHeader("Authorization", authorization.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1"));
            case TRUNCATED -> signed.withHeader("Authorization", authorization.substring(0, authorization.length() - 1));
            case STALE -> {
                now = NOW.plusSeconds(15 * 60 + 1);
                yield signed;
            }
            case FUTURE -> {
                now = NOW.minusSeconds(15 * 60 + 1);
                yield signed;
            }
            case PATH_CHANGED -> new SdkSigning(signed.method(), signed.rawPath() + "x", signed.rawQuery(), signed.headers(), signed.body());
            case QUERY_CHANGED -> new SdkSigning(signed.method(), signed.rawPath(), (signed.rawQuery() == null ? "" : signed.rawQuery() + "&") + "z=1",
                    signed.headers(), signed.body());
            case METHOD_CHANGED -> new SdkSigning(signed.method().equals("POST") ? "PUT" : "POST", signed.rawPath(), signed.rawQuery(),
                    signed.headers(), signed.body());
        };
        Verdict verdict = sent.verifyWith(verifier, now);
        assertFalse(verdict.allowed(), tampering + " passed for " + request);
        assertEquals(403, verdict.status(), tampering + ": " + verdict.reason());
        assertNull(verdict.authorizer());
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> malformedHeaders() {
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(300);
        Arbitrary<String> nearlyRight = Combinators.combine(Arbitraries.of("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 ", "aws4-hmac-sha256", "Bearer", ""),
                Arbitraries.strings().withChars("Credential=/SignedHeaders;Signature,= abcdef0123456789AKIA-").ofMaxLength(200))
                .as((a, b) -> a + " " + b);
        Arbitrary<String> date = Arbitraries.of("20261204T180000Z", "", "garbage", "20261204", "99991231T235959Z");
        return Combinators.combine(Arbitraries.oneOf(anything, nearlyRight), date).as(Tuple::of);
    }

    @Property(tries = 1000)
    void arbitraryAuthorizationTextIsRefused(@ForAll("malformedHeaders") Tuple.Tuple2<String, String> header) {
        Verdict verdict = verifier.verify("POST", "/gift-orders", null,
                List.of(Map.entry("Authorization", header.get1()), Map.entry("X-Amz-Date", header.get2()), Map.entry("Host", SdkSigning.HOST)),
                new byte[0], NOW);
        assertFalse(verdict.allowed(), header.get1());
        assertTrue(verdict.status() == 401 || verdict.status() == 403);
        assertEquals(header.get1().isBlank() ? 401 : 403, verdict.status(), verdict.reason());
    }

    private static String flipLastHexDigit(String authorization) {
        char last = authorization.charAt(authorization.length() - 1);
        return authorization.substring(0, authorization.length() - 1) + (last == '0' ? '1' : '0');
    }
}
