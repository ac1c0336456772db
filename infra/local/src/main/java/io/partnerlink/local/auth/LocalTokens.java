package io.partnerlink.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

/**
 * The local token issuer of {@code API_AUTH=JWT}: an RSA key made at start-up (its public half is the key set the
 * runner verifies against, served at {@code /_local/jwks.json}), and access tokens for chosen scopes, handed out by
 * {@code GET /_local/token?scope=...}. Valid only against this runner, for as long as it runs.
 */
public final class LocalTokens {

    public static final String ISSUER = "https://local.partnerlink.invalid";
    public static final String AUDIENCE = "partnerlink-local";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final RSAKey key;

    public LocalTokens(RSAKey key) {
        this.key = key;
    }

    public static LocalTokens generate() {
        try {
            return new LocalTokens(new RSAKeyGenerator(2048).keyID("local-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }

    /** The public keys tokens are verified with. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** A signed access token for {@code subject} with {@code scopes} (space-separated in {@code scope}, as OAuth 2 has it). */
    public String issue(String subject, Collection<String> scopes, Instant now, Duration ttl) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("scope", String.join(" ", scopes)).claim("client_id", subject).issueTime(Date.from(now))
                .notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }
}
