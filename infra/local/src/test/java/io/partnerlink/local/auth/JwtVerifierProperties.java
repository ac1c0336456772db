package io.partnerlink.local.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.From;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local JWT authorizer over generated tokens (1,000 tries each): a good token passes exactly when it holds the
 * route's scope (else 403); every broken one (alg none, unknown kid, another key, HS256 made with the public key,
 * wrong issuer or audience, expired, not yet valid, no exp, tampered claims, oversized, garbage) is 401, and a
 * refusal never carries an authorizer context.
 */
class JwtVerifierProperties {

    static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");
    static final RSAKey KEY = key("local-1");
    static final RSAKey STRANGER = key("stranger");
    static final List<String> SCOPES = List.of("gift-orders/read", "gift-orders/write", "domains/renew", "other/scope");
    final LocalTokens tokens = new LocalTokens(KEY);
    final JwtVerifier verifier = new JwtVerifier(tokens.publicKeys(), LocalTokens.ISSUER, LocalTokens.AUDIENCE, () -> NOW);

    enum Breakage {
        ALG_NONE, UNKNOWN_KID, OTHER_KEY_SAME_KID, HS256_WITH_PUBLIC_KEY, WRONG_ISSUER, WRONG_AUDIENCE, EXPIRED,
        NOT_YET_VALID, NO_EXPIRY, TAMPERED_CLAIMS, OVERSIZED, GARBAGE, TRUNCATED_SIGNATURE
    }

    @Provide
    Arbitrary<String> scope() {
        return Arbitraries.of(SCOPES);
    }

    @Property(tries = 1000)
    void aGoodTokenPassesExactlyWhenItHoldsTheRoutesScope(@ForAll @Size(max = 4) Set<@From("scope") String> held,
                                                          @ForAll("scope") String required, @ForAll boolean bearerPrefix) {
        String token = tokens.issue("client-" + held.size(), held, NOW.minusSeconds(30), Duration.ofHours(1));
        Verdict verdict = verifier.verify((bearerPrefix ? "Bearer " : "") + token, List.of(required));
        if (held.contains(required)) {
            assertTrue(verdict.allowed(), verdict.reason());
            assertEquals(LocalTokens.ISSUER, verdict.authorizer().at("/jwt/claims/iss").asText());
            assertEquals("client-" + held.size(), verdict.authorizer().at("/jwt/claims/sub").asText());
            assertTrue(verdict.authorizer().at("/jwt/scopes").toString().contains(required));
        } else {
            assertEquals(403, verdict.status(), verdict.reason());
            assertNull(verdict.authorizer());
        }
    }

    @Property(tries = 1000)
    void everyBrokenTokenIs401(@ForAll Breakage breakage, @ForAll @Size(min = 1, max = 4) Set<@From("scope") String> held,
                               @ForAll("subjects") String subject) {
        String token = switch (breakage) {
            case ALG_NONE -> new PlainJWT(claims(subject, held).build()).serialize();
            case UNKNOWN_KID -> sign(STRANGER, claims(subject, held));
            case OTHER_KEY_SAME_KID -> sign(key(KEY.getKeyID()), claims(subject, held));
            case HS256_WITH_PUBLIC_KEY -> hs256WithPublicKey(claims(subject, held));
            case WRONG_ISSUER -> sign(KEY, claims(subject, held).issuer("https://evil.example.com"));
            case WRONG_AUDIENCE -> sign(KEY, claims(subject, held).audience("someone-else"));
            case EXPIRED -> sign(KEY, claims(subject, held).expirationTime(Date.from(NOW.minusSeconds(120))));
            case NOT_YET_VALID -> sign(KEY, claims(subject, held).notBeforeTime(Date.from(NOW.plusSeconds(120))));
            case NO_EXPIRY -> sign(KEY, claims(subject, held).expirationTime(null));
            case TAMPERED_CLAIMS -> tamper(sign(KEY, claims(subject, held)));
            case OVERSIZED -> sign(KEY, claims(subject, held).claim("padding", "x".repeat(SigV4Verifier.MAX_HEADER)));
            case GARBAGE -> "not." + subject + ".a-token";
            case TRUNCATED_SIGNATURE -> { String t = sign(KEY, claims(subject, held)); yield t.substring(0, t.length() - 4); }
        };
        Verdict verdict = verifier.verify("Bearer " + token, List.of(held.iterator().next()));
        assertFalse(verdict.allowed(), breakage + " passed");
        assertEquals(401, verdict.status(), breakage + ": " + verdict.reason());
        assertNull(verdict.authorizer());
    }

    @Provide
    Arbitrary<String> subjects() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40);
    }

    @Property(tries = 1000)
    void arbitraryAuthorizationTextIs401(@ForAll("texts") String authorization) {
        Verdict verdict = verifier.verify(authorization, List.of("gift-orders/write"));
        assertEquals(401, verdict.status(), authorization);
        assertNull(verdict.authorizer());
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("ABCDEFabcdef0123456789-_=+/").ofMaxLength(60);
        Arbitrary<String> jwtShaped = segment.list().ofMinSize(1).ofMaxSize(5).map(parts -> "Bearer " + String.join(".", parts));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), jwtShaped, Arbitraries.just(""),
                Arbitraries.just("Bearer "), Arbitraries.just("Basic dXNlcjpwYXNz"));
    }

    static JWTClaimsSet.Builder claims(String subject, Set<String> scopes) {
        return new JWTClaimsSet.Builder().issuer(LocalTokens.ISSUER).audience(LocalTokens.AUDIENCE).subject(subject)
                .claim("scope", String.join(" ", scopes)).issueTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plusSeconds(3600)));
    }

    static String sign(RSAKey key, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classic confusion attack: HS256 keyed with the RSA public key's bytes. */
    static String hs256WithPublicKey(JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(), claims.build());
            byte[] secret = KEY.toPublicJWK().toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same signature over claims with an extra scope. */
    static String tamper(String token) {
        String[] parts = token.split("\\.");
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"scope\":\"", "\"scope\":\"domains/renew gift-orders/write ");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
