package io.partnerlink.ordertoken;

import io.micronaut.context.ApplicationContext;
import io.partnerlink.shared.api.HttpApiFunction;

/**
 * Lambda entry point of {@code POST /vitec/order-tokens}: a webhook that redeems a Vitec Express order token for
 * its order ticket, once per (customer, token). See {@link OrderTokenRoutes}.
 */
public class OrderTokenHandler extends HttpApiFunction {

    public OrderTokenHandler() {
        super(lambdaContext());
    }

    public OrderTokenHandler(ApplicationContext context) {
        super(context);
    }
}
