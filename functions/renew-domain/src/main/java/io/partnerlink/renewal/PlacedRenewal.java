package io.partnerlink.renewal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The renewal order that answers one expiry date, as recorded under its idempotency key: one we created, or an
 * open one we found already there.
 *
 * @param created whether this run's POST created it (false: it was found open)
 * @param status  the order's status when last read, if known
 */
@Serdeable
public record PlacedRenewal(String orderId, @Nullable String invoiceId, @Nullable Integer period, boolean created,
                            @Nullable String status) {
}
