package io.partnerlink.ordertoken;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.ApiResponse;
import io.partnerlink.shared.api.HttpRoutes;
import io.partnerlink.shared.api.IdempotentResponses;
import io.partnerlink.shared.api.JsonBodies;
import io.partnerlink.shared.idempotency.IdempotencyKeys;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.util.List;

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
    private final ObjectMapper json;

    public OrderTokenRoutes(WebhookSignature signature, JsonBodies bodies, IdempotentResponses responses,
                            OrderTokenRedemption redemption, ObjectMapper json) {
        this.signature = signature;
        this.bodies = bodies;
        this.responses = responses;
        this.redemption = redemption;
        this.json = json;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        if (!ROUTE.equals(request.routeKey())) {
            throw new ProblemException(ProblemType.NOT_FOUND, "This function serves " + ROUTE + " only.");
        }
        signature.verify(request);
        OrderTokenRequest order = bodies.read(request, OrderTokenRequest.class);
        requireStrings(request.bodyText(), List.of("customerId", "token"));
        if (order.tokenTooLong()) {
            throw ProblemException.invalidField("token", "must be at most " + OrderTokenRequest.MAX_TOKEN_BYTES + " bytes");
        }
        MDC.put(MDC_TOKEN_HASH, IdempotencyKeys.logHash(order.token()));
        LOG.info("Order token received for customer {}", order.customerId());
        // The key is the whole content, so the payload checked on a repeat is the key itself: a redelivery with other
        // whitespace or field order is the same request, not a reuse of the key.
        String key = IdempotencyKeys.fromParts(order.customerId(), order.token());
        return responses.run(request, key, key, () -> redemption.redeem(order, request));
    }

    /** Serde turns {@code 42} and {@code ["t"]} into strings; a webhook that sends those is sending something else. */
    private void requireStrings(String body, List<String> fields) {
        JsonNode node;
        try {
            node = json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw ProblemException.invalidField("body", "is malformed JSON");
        }
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && !value.isString()) {
                throw ProblemException.invalidField(field, "must be a JSON string");
            }
        }
    }
}
