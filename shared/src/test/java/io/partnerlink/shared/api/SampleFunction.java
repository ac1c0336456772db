package io.partnerlink.shared.api;

import io.micronaut.context.ApplicationContext;

/** A handler over {@link SampleRoutes}, built like every function's handler. */
class SampleFunction extends HttpApiFunction {

    SampleFunction(ApplicationContext context) {
        super(context);
    }
}
