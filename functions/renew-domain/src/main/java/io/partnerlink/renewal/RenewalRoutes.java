package io.partnerlink.renewal;

import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.ApiResponse;
import io.partnerlink.shared.api.HttpRoutes;
import io.partnerlink.shared.api.IdempotentResponses;
import io.partnerlink.shared.api.JsonBodies;
import io.partnerlink.shared.api.RouteAccess;
import io.partnerlink.shared.idempotency.IdempotencyKeyMissingException;
import io.partnerlink.shared.idempotency.IdempotencyKeys;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import jakarta.inject.Singleton;

/**
 * {@code POST /domains/{domain}/renewals}: the name, the {@code Idempotency-Key} and the body are checked before
 * anything reaches .ART; the renewal then runs once per key ({@link IdempotentResponses}).
 */
@Singleton
public class RenewalRoutes implements HttpRoutes {

    public static final String RENEW = "POST /domains/{domain}/renewals";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The route's JWT scope, as in template.yaml's API definition. */
    static final String SCOPE = "domains/renew";
    /** Client keys get their own namespace, so none can collide with a renewal record ({@code renew#...}). */
    static final String KEY_PREFIX = "http#";

    private final OnDemandRenewal renewal;
    private final IdempotentResponses responses;
    private final JsonBodies bodies;

    public RenewalRoutes(OnDemandRenewal renewal, IdempotentResponses responses, JsonBodies bodies) {
        this.renewal = renewal;
        this.responses = responses;
        this.bodies = bodies;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        if (!RENEW.equals(request.routeKey())) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No route " + request.routeKey() + ".");
        }
        String name = ArtDomainName.parse(request.pathParameter("domain"));
        String key = request.header(IDEMPOTENCY_KEY);
        if (!IdempotencyKeys.isValidClientKey(key)) {
            throw new IdempotencyKeyMissingException("Idempotency-Key missing or invalid");
        }
        RenewalRequest body = RenewalRequest.from(request, bodies);
        String payload = name + "|" + body.period() + "|" + body.dryRun();
        // The caller owns the key; the renewal itself stays once per domain and expiry date, whoever asks.
        return responses.run(request, KEY_PREFIX + request.ownedKey(key), payload, () -> renewal.renew(name, body, request));
    }

    @Override
    public RouteAccess access(String routeKey) {
        return RouteAccess.callerWithScope(SCOPE);
    }
}
