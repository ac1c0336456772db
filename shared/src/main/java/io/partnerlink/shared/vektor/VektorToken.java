package io.partnerlink.shared.vektor;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The answer of {@code POST /connect/token}. */
@Serdeable
public record VektorToken(@JsonProperty("access_token") @Nullable String accessToken,
                          @JsonProperty("expires_in") @Nullable Long expiresIn,
                          @JsonProperty("token_type") @Nullable String tokenType,
                          @Nullable String scope) {

    @Override
    public String toString() {
        return "VektorToken[***, expiresIn=" + expiresIn + ", tokenType=" + tokenType + ", scope=" + scope + "]";
    }
}
