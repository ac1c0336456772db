package io.partnerlink.shared.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Routes that exercise the HTTP plumbing in tests only (off unless {@code test.sample-routes} is set). */
@Singleton
@Requires(property = "test.sample-routes", value = "true")
class SampleRoutes implements HttpRoutes {

    @Serdeable
    @Introspected
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = false)
    record Order(@NotBlank String name, @NotEmpty @Valid List<Line> lines) {
    }

    @Serdeable
    @Introspected
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = false)
    record Line(@NotNull @Min(1) @Max(100) Integer quantity) {
    }

    final AtomicInteger actions = new AtomicInteger();
    private final JsonBodies bodies;
    private final IdempotentResponses idempotent;

    SampleRoutes(JsonBodies bodies, IdempotentResponses idempotent) {
        this.bodies = bodies;
        this.idempotent = idempotent;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return switch (request.routeKey()) {
            case "POST /orders" -> {
                Order order = bodies.read(request, Order.class);
                yield idempotent.run(request, request.header("Idempotency-Key"), request.bodyText(), () -> {
                    LoggerFactory.getLogger(SampleRoutes.class).info("Placing order for {} lines", order.lines().size());
                    return bodies.json(201, Map.of("n", actions.incrementAndGet()));
                });
            }
            case "POST /boom" -> throw new IllegalStateException("internal detail in io.partnerlink.Secret");
            // A class that fails to link in one code path (issue 14's NoClassDefFoundError), and the JVM's own failure.
            case "POST /link-error" -> throw new NoClassDefFoundError("io/netty/buffer/ByteBufInputStream");
            case "POST /out-of-memory" -> throw new OutOfMemoryError("simulated");
            default -> throw new ProblemException(ProblemType.NOT_FOUND, "No route " + request.routeKey());
        };
    }
}
