package io.partnerlink.shared.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.partnerlink.shared.idempotency.IdempotencyKeys;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who sent a request, as API Gateway's authorizer vouched for it ({@code requestContext.authorizer.iam} or
 * {@code .jwt}), or as the webhook's signing key proved it. {@code identity} is stable across calls of one caller,
 * so it can own idempotency keys; {@code scopes} are a JWT's scopes (empty for IAM, whose policy decides instead).
 */
public record Caller(Kind kind, String identity, Set<String> scopes) {

    public enum Kind { IAM, JWT, SIGNING_KEY }

    /** An assumed-role session ARN; its session name changes per session, its role does not. */
    private static final Pattern ASSUMED_ROLE = Pattern.compile("arn:([^:]+):sts::([0-9]{12}):assumed-role/([^/]+)/.*");

    /**
     * The caller behind an IAM-signed request: account and principal ARN. An assumed-role session counts as its
     * role, so a backend whose Lambda or container gets a new session still owns the keys it used before.
     */
    public static Caller iam(String accountId, String principalArn) {
        Matcher session = ASSUMED_ROLE.matcher(principalArn);
        String principal = session.matches()
                ? "arn:" + session.group(1) + ":iam::" + session.group(2) + ":role/" + session.group(3) : principalArn;
        return new Caller(Kind.IAM, "iam|" + accountId + "|" + principal, Set.of());
    }

    /** A JWT's caller: issuer and subject, or {@code client_id} when a client-credentials token has no subject. */
    public static Caller jwt(String issuer, String subject, Set<String> scopes) {
        return new Caller(Kind.JWT, "jwt|" + issuer + "|" + subject, Set.copyOf(scopes));
    }

    /** A webhook sender, known by the name of the key it signs with (stable across that key's rotations). */
    public static Caller signingKey(String keyName) {
        return new Caller(Kind.SIGNING_KEY, "signing-key|" + keyName, Set.of());
    }

    /** The caller API Gateway's authorizer put into the event; empty when there is none or it names nobody. */
    public static Optional<Caller> of(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = context == null ? null : context.getAuthorizer();
        if (authorizer == null) {
            return Optional.empty();
        }
        APIGatewayV2HTTPEvent.RequestContext.IAM iam = authorizer.getIam();
        if (iam != null && present(iam.getAccountId()) && present(iam.getUserArn())) {
            return Optional.of(iam(iam.getAccountId(), iam.getUserArn()));
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = authorizer.getJwt();
        if (jwt != null && jwt.getClaims() != null) {
            Map<String, String> claims = jwt.getClaims();
            String subject = present(claims.get("sub")) ? claims.get("sub") : claims.get("client_id");
            if (present(claims.get("iss")) && present(subject)) {
                return Optional.of(jwt(claims.get("iss"), subject, scopes(jwt)));
            }
        }
        return Optional.empty();
    }

    /** API Gateway lists the token's scopes; its claims carry them too ({@code scope} or {@code scp}, space-separated). */
    private static Set<String> scopes(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt) {
        if (jwt.getScopes() != null && !jwt.getScopes().isEmpty()) {
            return Set.copyOf(jwt.getScopes());
        }
        String claim = jwt.getClaims().getOrDefault("scope", jwt.getClaims().get("scp"));
        if (claim == null) {
            return Set.of();
        }
        // A list claim arrives flattened as "[a b]".
        return Arrays.stream(claim.replace("[", " ").replace("]", " ").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The caller's own version of a client key: two callers sending the same {@code Idempotency-Key} get two records
     * and two partner-side keys. The identity enters as a hash, so no ARN or subject is written into record ids.
     */
    public String owns(String key) {
        return IdempotencyKeys.sha256(identity).substring(0, 32) + "/" + key;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "Caller[" + kind + " " + IdempotencyKeys.logHash(identity) + ", scopes=" + List.copyOf(scopes) + "]";
    }
}
