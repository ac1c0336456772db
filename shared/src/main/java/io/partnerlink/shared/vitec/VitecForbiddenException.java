package io.partnerlink.shared.vitec;

import io.partnerlink.shared.partner.PartnerRejectedException;

import java.util.List;

/** Vitec answered 403: our account has no access to this customer (office). */
public class VitecForbiddenException extends PartnerRejectedException {

    private final String customerId;

    public VitecForbiddenException(String customerId) {
        super(OrderTickets.PARTNER, 403, "no access to customer " + customerId, List.of());
        this.customerId = customerId;
    }

    public String customerId() {
        return customerId;
    }
}
