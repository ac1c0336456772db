package io.partnerlink.shared.vektor;

import io.partnerlink.shared.partner.PartnerRejectedException;

import java.util.List;

/**
 * The token endpoint refused our client credentials, even after the secret was read again: a configuration
 * problem, not something about the request, so callers must not store it as the request's answer.
 */
public class VektorCredentialsRejectedException extends PartnerRejectedException {

    public VektorCredentialsRejectedException(int status) {
        super(VektorClient.PARTNER, status, "client credentials refused", List.of());
    }
}
