package io.partnerlink.shared.art;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The answer of {@code POST /auth/token}: a bearer JWT, its lifetime in seconds and a refresh token. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TokenResponse(@Nullable String tokenType, String accessToken, @Nullable String refreshToken,
                            @Nullable Long expiresIn) {

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", ***]";
    }
}
