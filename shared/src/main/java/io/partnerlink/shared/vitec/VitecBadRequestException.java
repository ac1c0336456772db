package io.partnerlink.shared.vitec;

import io.partnerlink.shared.partner.PartnerRejectedException;

import java.util.List;

/** Vitec answered 400: its validation refused the token (unknown, malformed). Retrying gets the same answer. */
public class VitecBadRequestException extends PartnerRejectedException {

    public VitecBadRequestException(String vitecMessage) {
        super(OrderTickets.PARTNER, 400, vitecMessage, List.of());
    }
}
