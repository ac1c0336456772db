package io.partnerlink.shared.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.partnerlink.shared.lambda.JsonStreamFunction;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The handler of an API Gateway HTTP API (payload 2.0) function: decodes the event, hands it to the module's
 * {@link HttpRoutes}, and answers every failure as {@code application/problem+json} with the request id in the
 * body ({@code instance}) and in {@code X-Request-Id}: an {@link Error} too (a class that fails to link in one code
 * path must not turn into API Gateway's bare 500), except a {@link VirtualMachineError}. A route's {@link RouteAccess}
 * is checked first: a request without the caller API Gateway's authorizer vouched for is answered 401, a JWT without
 * the route's scope 403.
 */
public abstract class HttpApiFunction extends JsonStreamFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiFunction.class);
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final HttpRoutes routes;
    private final JsonBodies bodies;

    protected HttpApiFunction(ApplicationContext context) {
        super(context);
        this.routes = context.getBean(HttpRoutes.class);
        this.bodies = context.getBean(JsonBodies.class);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(byte[] raw, Context lambda) {
        String requestId = lambda != null ? lambda.getAwsRequestId() : UUID.randomUUID().toString();
        ApiResponse response;
        try {
            APIGatewayV2HTTPEvent event = decode(raw, Argument.of(APIGatewayV2HTTPEvent.class));
            ApiRequest request = toRequest(event, lambda);
            requestId = request.requestId();
            MDC.put(MDC_REQUEST_ID, requestId);
            // Before anything else runs: no partner call and no record for a request without its caller.
            routes.access(request.routeKey()).check(request.caller());
            response = routes.handle(request);
        } catch (Exception | Error e) {
            // Any failure is answered; only the JVM's own (out of memory, stack overflow) ends the invocation.
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            ProblemException problem = e instanceof IOException
                    ? new ProblemException(ProblemType.VALIDATION_FAILED, "The event is not an API Gateway HTTP API event.")
                    : Problems.from(e);
            response = bodies.problem(problem, requestId);
        }
        if (response.statusCode() >= 500) {
            LOG.warn("Answered {} to {}", response.statusCode(), requestId);
        }
        return toEvent(response.withHeader(REQUEST_ID_HEADER, requestId));
    }

    private static ApiRequest toRequest(APIGatewayV2HTTPEvent event, Context lambda) {
        if (event == null || event.getRouteKey() == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The event is not an API Gateway HTTP API event.");
        }
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        }
        Map<String, String> path = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        RequestText.check(path, query);
        byte[] body = new byte[0];
        if (event.getBody() != null) {
            try {
                body = event.getIsBase64Encoded()
                        ? Base64.getDecoder().decode(event.getBody())
                        : event.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("body", "is marked base64 but is not");
            }
        }
        String requestId = event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                ? event.getRequestContext().getRequestId()
                : lambda != null ? lambda.getAwsRequestId() : UUID.randomUUID().toString();
        return new ApiRequest(event.getRouteKey(), path, headers, query, body, requestId, lambda, Caller.of(event).orElse(null));
    }

    private static APIGatewayV2HTTPResponse toEvent(ApiResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.statusCode())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
