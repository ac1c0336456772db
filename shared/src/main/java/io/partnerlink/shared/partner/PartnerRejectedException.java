package io.partnerlink.shared.partner;

import io.partnerlink.shared.problem.FieldError;

import java.util.List;

/** A deterministic refusal (a 4xx other than 401 and 429): retrying the same request gets the same answer. */
public class PartnerRejectedException extends PartnerException {

    private final String partnerMessage;
    private final List<FieldError> fieldErrors;

    public PartnerRejectedException(String partner, int status, String partnerMessage, List<FieldError> fieldErrors) {
        super(partner, status, partner + " rejected the request with HTTP " + status, null);
        this.partnerMessage = partnerMessage;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** The partner's own message, if it gave one. */
    public String partnerMessage() {
        return partnerMessage;
    }

    /** The partner's field errors, mapped to our field names. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
