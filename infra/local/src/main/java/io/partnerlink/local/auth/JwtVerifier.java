package io.partnerlink.local.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies bearer tokens the way API Gateway's JWT authorizer does (nimbus-jose-jwt does the JOSE work): signed with
 * RS256 by a key of the local key set (so {@code alg: none} and unknown {@code kid}s fail), the issuer and an audience
 * as configured, {@code exp} required and not past, {@code nbf} not ahead (60 s of clock skew, nimbus's default).
 * Invalid or missing tokens are 401; a valid token without the route's scope is 403.
 */
public final class JwtVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public JwtVerifier(JWKSet keys, String issuer, String audience, Supplier<Instant> clock) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iss", "aud")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.get());
            }
        };
        processor.setJWTClaimsSetVerifier(claims);
    }

    public Verdict verify(String authorization, Collection<String> requiredScopes) {
        if (authorization == null || authorization.isBlank()) {
            return Verdict.unauthorized("no Authorization header");
        }
        if (authorization.length() > SigV4Verifier.MAX_HEADER) {
            return Verdict.unauthorized("the Authorization header is too long");
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : authorization.trim();
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException | RuntimeException e) {
            return Verdict.unauthorized("invalid token: " + e.getMessage());
        }
        List<String> scopes = scopes(claims);
        if (!requiredScopes.isEmpty() && requiredScopes.stream().noneMatch(scopes::contains)) {
            return Verdict.forbidden("the token has none of the route's scopes " + requiredScopes);
        }
        return Verdict.allow(context(claims, scopes));
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope") != null ? claims.getClaim("scope") : claims.getClaim("scp");
        if (scope instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return scope == null ? List.of() : Arrays.stream(scope.toString().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** API Gateway's {@code requestContext.authorizer.jwt}: every claim as a string, and the token's scopes. */
    private static ObjectNode context(JWTClaimsSet claims, List<String> scopes) {
        ObjectNode authorizer = JsonNodeFactory.instance.objectNode();
        ObjectNode jwt = authorizer.putObject("jwt");
        ObjectNode out = jwt.putObject("claims");
        for (Map.Entry<String, Object> claim : claims.getClaims().entrySet()) {
            Object value = claim.getValue();
            String text = value instanceof Date date ? Long.toString(date.toInstant().getEpochSecond())
                    : value instanceof Collection<?> list && list.size() == 1 ? String.valueOf(list.iterator().next())
                    : value instanceof Collection<?> list ? "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]"
                    : String.valueOf(value);
            out.put(claim.getKey(), text);
        }
        ArrayNode list = jwt.putArray("scopes");
        scopes.forEach(list::add);
        return authorizer;
    }
}
