package io.partnerlink.renewal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The on-demand route's answer. {@code status}: {@code ordered} (201, this request created the order),
 * {@code open-order} or {@code already-ordered} (200, this expiry date had its order already), or, for a dry run,
 * {@code would-order}. {@code registrant}: where the contact sent came from ({@link Registrant}), when one was sent.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RenewalAnswer(String domain, String status, @Nullable String orderId, @Nullable String invoiceId,
                            @Nullable Integer period, @Nullable String orderStatus, @Nullable String expiredAt,
                            boolean dryRun, @Nullable String registrant) {
}
