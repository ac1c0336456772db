package io.partnerlink.shared.art;

import io.partnerlink.shared.partner.PartnerUnauthorizedException;

/**
 * No .ART access token could be had: the credentials were refused (after a re-read of the secret) or the grant is
 * misconfigured. Nothing else can be done with the partner; a run stops here. An endpoint that is down is
 * {@link ArtTokenUnavailableException} instead.
 */
public class ArtTokenException extends PartnerUnauthorizedException {

    private final String detail;

    public ArtTokenException(String detail) {
        super(ArtErrors.PARTNER);
        this.detail = detail;
    }

    @Override
    public String getMessage() {
        return "Could not obtain a .ART access token: " + detail;
    }
}
