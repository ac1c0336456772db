package io.partnerlink.renewal;

import io.partnerlink.shared.art.OrderContact;

/**
 * The contact a renewal is sent with, and where it came from: {@link #STORE_CONTACT} (the client's store contact with
 * the domain contact's e-mail) or {@link #CONFIGURED_FALLBACK} ({@code renewal.default-contact}, for a domain that
 * {@code renewal.default-contact.domains} names).
 */
public record Registrant(OrderContact contact, String source) {

    public static final String STORE_CONTACT = "store-contact";
    public static final String CONFIGURED_FALLBACK = "configured-fallback";

    public boolean isFallback() {
        return CONFIGURED_FALLBACK.equals(source);
    }
}
