package io.partnerlink.shared.idempotency;

import java.time.Duration;

/**
 * One call to protect: the key (a chosen part of the event), the payload whose hash must match on a repeat,
 * and how long the run may take, normally the Lambda's remaining time.
 */
public record IdempotentCall(String key, String payload, Duration deadline) {

    public static IdempotentCall of(String key, String payload, com.amazonaws.services.lambda.runtime.Context lambda) {
        return new IdempotentCall(key, payload, lambda == null ? null : Duration.ofMillis(lambda.getRemainingTimeInMillis()));
    }
}
