package io.partnerlink.shared.art;

import io.partnerlink.shared.partner.PartnerUnavailableException;

/**
 * No .ART access token could be had because the token endpoint is down: unreachable, 5xx, 429, too slow or an
 * unreadable answer, after retries. An outage, not a credentials problem: a request answers 503 (with the
 * endpoint's {@code Retry-After}) and releases its key; a run stops here, as no domain can get past it.
 */
public class ArtTokenUnavailableException extends PartnerUnavailableException {

    public ArtTokenUnavailableException(PartnerUnavailableException outage) {
        super(ArtErrors.PARTNER, outage.status(), "Could not obtain a .ART access token: the token endpoint is unavailable ("
                + outage.getMessage() + ")", outage.retryAfter(), outage);
    }

    /** The token request was retried within {@code art.token-budget}; the call that needed the token does not repeat that. */
    @Override
    public boolean retriesSpent() {
        return true;
    }
}
