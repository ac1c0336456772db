package io.partnerlink.shared.idempotency;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Idempotency settings (prefix {@code idempotency}), after Powertools' {@code IdempotencyConfig}.
 *
 * @param table                    the DynamoDB table ({@code IDEMPOTENCY_TABLE})
 * @param scope                    the function's stable name, the first part of every record id
 * @param expiry                   how long a completed record is replayed (default 24 h)
 * @param inProgressTimeout        the deadline of a run when no Lambda context tells the remaining time
 * @param localCacheMaxItems       completed records kept in this container to spare a read (0 turns it off)
 * @param throwOnMissingKey        whether a missing key is an error (else the action runs unprotected)
 */
@ConfigurationProperties("idempotency")
public record IdempotencyConfig(
        @Bindable(defaultValue = "idempotency") String table,
        @Bindable(defaultValue = "function") String scope,
        @Bindable(defaultValue = "24h") Duration expiry,
        @Bindable(defaultValue = "60s") Duration inProgressTimeout,
        @Bindable(defaultValue = "256") int localCacheMaxItems,
        @Bindable(defaultValue = "true") boolean throwOnMissingKey) {
}
