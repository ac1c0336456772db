package io.partnerlink.shared.art;

import io.partnerlink.shared.partner.PartnerUnavailableException;

/**
 * A .ART list could not be read to its end: a page larger than asked for, a missing or negative {@code total}, an
 * item without an id or listed twice, a page repeating the previous one, a list ending before its {@code total}, or
 * one that does not end within {@link ArtPage#MAX_ITEMS}. Nothing read from it may be taken as the whole list, so the
 * work that needed it stops with this error; on HTTP it is a 503 (nothing stored, retry later), never an order.
 */
public class ArtListingException extends PartnerUnavailableException {

    public ArtListingException(String list, int offset, String problem) {
        super(ArtErrors.PARTNER, 200, "art " + list + " could not be read to its end (offset " + offset + "): " + problem, null, null);
    }
}
