package io.partnerlink.shared.partner;

import java.util.List;

/** The partner refused our credentials (401), even after a fresh token or a re-read secret. */
public class PartnerUnauthorizedException extends PartnerRejectedException {

    public PartnerUnauthorizedException(String partner) {
        super(partner, 401, "credentials refused", List.of());
    }
}
