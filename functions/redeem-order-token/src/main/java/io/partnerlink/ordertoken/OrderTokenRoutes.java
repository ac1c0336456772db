package io.partnerlink.ordertoken;

import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.ApiResponse;
import io.partnerlink.shared.api.HttpRoutes;
import io.partnerlink.shared.api.IdempotentResponses;
import io.partnerlink.shared.api.Caller;
import io.partnerlink.shared.api.JsonBodies;
import io.partnerlink.shared.api.RouteAccess;
import io.partnerlink.shared.idempotency.IdempotencyKeys;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;


/**
 * {@code POST /vitec/order-tokens}: signature first (before the body is even parsed), then the body, then one
 * redemption per (customerId, token). Everything refused before the idempotent step leaves no record and makes
 * no Vitec call.
 */
@Singleton
public class OrderTokenRoutes implements HttpRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OrderTokenRoutes.class);
    public static final String ROUTE = "POST /vitec/order-tokens";
    public static final String MDC_TOKEN_HASH = "tokenHash";

    private final WebhookSignature signature;
    private final JsonBodies bodies;
    private final IdempotentResponses responses;
    private final OrderTokenRedemption redemption;

    public OrderTokenRoutes(WebhookSignature signature, JsonBodies bodies, IdempotentResponses responses,
                            OrderTokenRedemption redemption) {
        this.signature = signature;
        this.bodies = bodies;
        this.responses = responses;
        this.redemption = redemption;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        if (!ROUTE.equals(request.routeKey())) {
            throw new ProblemException(ProblemType.NOT_FOUND, "This function serves " + ROUTE + " only.");
        }
        Caller sender = signature.verify(request);
        OrderTokenRequest order = bodies.read(request, OrderTokenRequest.class);
        if (order.tokenTooLong()) {
            throw ProblemException.invalidField("token", "must be at most " + OrderTokenRequest.MAX_TOKEN_BYTES + " bytes");
        }
        MDC.put(MDC_TOKEN_HASH, IdempotencyKeys.logHash(order.token()));
        LOG.info("Order token received for customer {}", order.customerId());
        // The key is the whole content, so the payload checked on a repeat is the key itself: a redelivery with other
        // whitespace or field order is the same request, not a reuse of the key.
        // Owned by the signing key, like an API caller's key is owned by the caller.
        String key = sender.owns(IdempotencyKeys.fromParts(order.customerId(), order.token()));
        return responses.run(request, key, key, () -> redemption.redeem(order, request));
    }

    /** No authorizer in API Gateway: the HMAC signature, checked first in {@link #handle}, proves the sender. */
    @Override
    public RouteAccess access(String routeKey) {
        return RouteAccess.signedInCode();
    }
}
