package io.partnerlink.shared.partner;

import java.time.Instant;

/** A bearer token, when it expires, and the refresh token that came with it, if any. */
public record AccessToken(String value, Instant expiresAt, String refreshToken) {

    @Override
    public String toString() {
        return "AccessToken[***, expiresAt=" + expiresAt + "]";
    }
}
