package io.partnerlink.shared.api;

import io.micronaut.core.type.Argument;
import io.partnerlink.shared.idempotency.Idempotency;
import io.partnerlink.shared.idempotency.Idempotent;
import io.partnerlink.shared.idempotency.IdempotentCall;
import jakarta.inject.Singleton;

import java.util.function.Supplier;

/**
 * Idempotency for an HTTP route in one line: the action's response (success or a deterministic error) is stored
 * and replayed with {@code Idempotent-Replayed: true}; a thrown failure releases the key.
 */
@Singleton
public class IdempotentResponses {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Argument<ApiResponse> TYPE = Argument.of(ApiResponse.class);

    private final Idempotency idempotency;

    public IdempotentResponses(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    public ApiResponse run(ApiRequest request, String key, String payload, Supplier<ApiResponse> action) {
        Idempotent<ApiResponse> outcome = idempotency.execute(IdempotentCall.of(key, payload, request.lambda()), TYPE, action);
        return outcome.replayed() ? outcome.result().withHeader(REPLAYED_HEADER, "true") : outcome.result();
    }
}
