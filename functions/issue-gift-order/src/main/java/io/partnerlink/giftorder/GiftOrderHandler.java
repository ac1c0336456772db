package io.partnerlink.giftorder;

import io.micronaut.context.ApplicationContext;
import io.partnerlink.shared.api.HttpApiFunction;

/**
 * Lambda entry point of issue-gift-order: API Gateway HTTP API routes {@code POST /gift-orders} and
 * {@code GET /gift-certificates}, dispatched by {@link GiftOrderRoutes}.
 */
public class GiftOrderHandler extends HttpApiFunction {

    public GiftOrderHandler() {
        super(lambdaContext());
    }

    public GiftOrderHandler(ApplicationContext context) {
        super(context);
    }
}
