package io.partnerlink.shared.ibonus;

import io.micronaut.core.annotation.Nullable;

/**
 * A page of {@code GET /clients/}: optional {@code phone} and {@code email} patterns, where {@code %} stands for any
 * part of the value (sent encoded as {@code %25} by the client), the 0-based {@code offset} and the page size.
 */
public record ClientQuery(@Nullable String phone, @Nullable String email, int offset, int limit) {

    public ClientQuery {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
    }

    public static ClientQuery page(int offset, int limit) {
        return new ClientQuery(null, null, offset, limit);
    }

    public ClientQuery at(int newOffset) {
        return new ClientQuery(phone, email, newOffset, limit);
    }
}
