package io.partnerlink.shared.ibonus;

import io.partnerlink.shared.partner.PartnerException;

/**
 * i-bonus answered 2xx with something that is not the documented JSON (not JSON, a coupon without an id, a date
 * that is not epoch milliseconds). Deterministic, so it is not retried: the caller skips what it belongs to.
 */
public class IbonusMalformedAnswerException extends PartnerException {

    public IbonusMalformedAnswerException(String operation, int status, String problem) {
        super(IbonusClient.PARTNER, status, "ibonus " + operation + " answered unreadable data: " + problem, null);
    }
}
