package io.partnerlink.renewal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.partnerlink.shared.api.HttpApiFunction;
import io.partnerlink.shared.lambda.JsonStreamFunction;

import java.io.IOException;

/**
 * The renew-domain function. One Lambda serves two triggers, told apart by the event's shape: an API Gateway HTTP
 * API (payload 2.0) event ({@code routeKey}, {@code requestContext.http}) goes to the HTTP machinery of
 * {@link HttpApiFunction}; anything else (the daily EventBridge schedule, a manual invoke) starts a run, a dry run
 * when the event has {@code "dryRun": true} at the top or in {@code detail}.
 */
public class RenewDomainHandler extends JsonStreamFunction<Object, Object> {

    private final Http http;
    private final RenewalRun run;

    public RenewDomainHandler() {
        this(lambdaContext());
    }

    public RenewDomainHandler(ApplicationContext context) {
        super(context);
        this.http = new Http(context);
        this.run = context.getBean(RenewalRun.class);
    }

    @Override
    protected Object handle(byte[] event, Context lambda) throws IOException {
        JsonNode tree = event.length == 0 ? null : parse(event);
        if (tree == null && event.length > 0) {
            // Not readable as JSON (e.g. a header name over Jackson's 50,000-character limit): only API Gateway sends
            // such events, so the HTTP side answers it, 400 problem JSON, as the other HTTP functions do.
            return http.answer(event, lambda);
        }
        if (isHttp(tree)) {
            return http.answer(event, lambda);
        }
        return run.run(dryRun(tree), lambda);
    }

    /** The event as a tree; null when it is not JSON. */
    private JsonNode parse(byte[] event) {
        try {
            return decode(event, Argument.of(JsonNode.class));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static boolean isHttp(JsonNode event) {
        if (event == null || !event.isObject()) {
            return false;
        }
        JsonNode context = event.get("requestContext");
        return event.get("routeKey") != null || (context != null && context.isObject() && context.get("http") != null);
    }

    /** A flag that is present but not a boolean stops the invocation rather than risk a real run. */
    static boolean dryRun(JsonNode event) {
        if (event == null || !event.isObject()) {
            return false;
        }
        JsonNode detail = event.get("detail");
        JsonNode flag = event.get("dryRun") != null ? event.get("dryRun")
                : detail != null && detail.isObject() ? detail.get("dryRun") : null;
        if (flag == null || flag.isNull()) {
            return false;
        }
        if (!flag.isBoolean()) {
            throw new IllegalArgumentException("dryRun must be true or false");
        }
        return flag.getBooleanValue();
    }

    /** Reuses HttpApiFunction's decoding, routing and problem answers on this function's context. */
    private static final class Http extends HttpApiFunction {

        Http(ApplicationContext context) {
            super(context);
        }

        APIGatewayV2HTTPResponse answer(byte[] event, Context lambda) {
            return handle(event, lambda);
        }
    }
}
