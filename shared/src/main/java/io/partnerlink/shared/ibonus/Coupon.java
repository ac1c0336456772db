package io.partnerlink.shared.ibonus;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One coupon of a client ({@code GET /clients/{id}/coupons/}). {@code expireDate} is epoch milliseconds; the
 * descriptions may hold HTML and are kept as received (escape or sanitise them when displaying). Tokens are strings:
 * {@code merchantToken} is "six digits" and may start with zeros.
 */
@Serdeable
public record Coupon(
        @Nullable Long id,
        @Nullable String title,
        @Nullable String header,
        @Nullable String subHeader,
        @Nullable String shortDescription,
        @Nullable String longDescription,
        @Nullable Long expireDate,
        @Nullable String token,
        @Nullable String shareToken,
        @Nullable String merchantToken,
        @Nullable String merchantShareToken) {

    /** The last moment the coupon is valid, as an instant (the seed: "time up to which the coupon is valid"). */
    public Instant expiresAt() {
        return Instant.ofEpochMilli(expireDate);
    }

    @Override
    public String toString() {
        return "Coupon[id=" + id + ", expireDate=" + expireDate + "]"; // tokens redeem the coupon: never logged
    }
}
