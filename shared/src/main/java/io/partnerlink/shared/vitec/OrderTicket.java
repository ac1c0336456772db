package io.partnerlink.shared.vitec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Vitec's {@code OrderTicket}: which order, agent, office and property an order token stands for. The expiry flag
 * is documented as {@code hasExpired} but Vitec's own C# and PHP samples read {@code orderTicketHasExpired}, so both
 * are read; fields Vitec may add later are ignored.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderTicket(@Nullable String orderId,
                          @Nullable String userId,
                          @Nullable String orderUserId,
                          @Nullable String targetId,
                          @Nullable String targetType,
                          @Nullable String tenantId,
                          @Nullable String chainId,
                          @Nullable String customerId,
                          @Nullable Boolean hasExpired,
                          @Nullable Boolean orderTicketHasExpired) {

    /** Expired when either flag says so: if the two names ever disagree, the safe reading wins. */
    public boolean expired() {
        return Boolean.TRUE.equals(hasExpired) || Boolean.TRUE.equals(orderTicketHasExpired);
    }

    /** Whether Vitec said anything about expiry at all; a ticket without either flag cannot be trusted. */
    public boolean statesExpiry() {
        return hasExpired != null || orderTicketHasExpired != null;
    }
}
