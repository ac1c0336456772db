package io.partnerlink.renewal;

import io.micronaut.core.annotation.Nullable;

/** What happened to one due domain. */
public record RenewalOutcome(Kind kind, String orderId, @Nullable String invoiceId, @Nullable Integer period,
                             @Nullable String orderStatus, @Nullable String registrant) {

    public enum Kind {
        /** This call created the order. */
        ORDERED,
        /** An open (unpaid or processing) renewal order was already there; nothing was ordered. */
        OPEN_ORDER,
        /** This expiry date was answered earlier (by another run, request or retry); nothing was ordered. */
        ALREADY_ORDERED
    }

    static RenewalOutcome of(Kind kind, PlacedRenewal placed, String status) {
        return new RenewalOutcome(kind, placed.orderId(), placed.invoiceId(), placed.period(), status, placed.registrant());
    }
}
