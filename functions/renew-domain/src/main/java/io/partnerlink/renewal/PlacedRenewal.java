package io.partnerlink.renewal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The renewal order that answers one expiry date, as recorded under its idempotency key: one we created, or an
 * open one we found already there.
 *
 * @param created whether this run's POST created it (false: it was found open)
 * @param status  the order's status when last read, if known
 * @param registrant where the contact sent came from ({@link Registrant}); null when nothing was sent (found open)
 *                or for records written before it was kept
 */
@Serdeable
public record PlacedRenewal(String orderId, @Nullable String invoiceId, @Nullable Integer period, boolean created,
                            @Nullable String status, @Nullable String registrant) {
}
