package io.partnerlink.shared.vektor;

import io.partnerlink.shared.partner.PartnerRejectedException;

/**
 * vektor-adv refused a call with a 4xx other than 401 and 429: retrying the same request gets the same answer.
 * For a 400 the field errors are the partner's, under our names ({@code Customer.Email} → {@code customer.email}).
 */
public class VektorRejectedException extends PartnerRejectedException {

    private final boolean orderExists;

    public VektorRejectedException(int status, String partnerMessage, VektorValidationErrors errors, boolean orderExists) {
        super(VektorClient.PARTNER, status, partnerMessage, errors.fieldErrors());
        this.orderExists = orderExists;
    }

    static VektorRejectedException from(int status, VektorValidationErrors errors, boolean orderExists) {
        return new VektorRejectedException(status, errors.message(), errors, orderExists);
    }

    /** Whether the partner said an order with our id exists already. */
    public boolean orderExists() {
        return orderExists;
    }

    /** A 400: the partner's validation of the request's content. */
    public boolean isValidationFailure() {
        return status() == 400;
    }
}
