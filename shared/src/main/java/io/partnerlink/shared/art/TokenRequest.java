package io.partnerlink.shared.art;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.partnerlink.shared.secrets.ArtCredentials;

/**
 * The JSON body of {@code POST /auth/token}. Each grant is a closed object on the partner's side, so only the
 * fields of that grant are sent (absent ones are left out). The client secret is always sent: the schema makes
 * it optional, but a confidential client has one.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenRequest(String grantType, String clientId, @Nullable String clientSecret,
                           @Nullable String username, @Nullable String password,
                           @Nullable String refreshToken, @Nullable String code) {

    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String PASSWORD = "password";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String AUTHORIZATION_CODE = "authorization_code";

    public static TokenRequest clientCredentials(ArtCredentials c) {
        return new TokenRequest(CLIENT_CREDENTIALS, c.clientId(), c.clientSecret(), null, null, null, null);
    }

    public static TokenRequest password(ArtCredentials c) {
        return new TokenRequest(PASSWORD, c.clientId(), c.clientSecret(), c.username(), c.password(), null, null);
    }

    public static TokenRequest refresh(ArtCredentials c, String refreshToken) {
        return new TokenRequest(REFRESH_TOKEN, c.clientId(), c.clientSecret(), null, null, refreshToken, null);
    }

    public static TokenRequest authorizationCode(ArtCredentials c, String code) {
        return new TokenRequest(AUTHORIZATION_CODE, c.clientId(), c.clientSecret(), null, null, null, code);
    }

    @Override
    public String toString() {
        return "TokenRequest[grantType=" + grantType + ", clientId=" + clientId + ", ***]";
    }
}
