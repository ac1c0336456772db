package io.partnerlink.shared.secrets;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/** OAuth2 client credentials (vektor-adv secret). */
@Serdeable
@Introspected
public record ClientCredentials(@NotBlank String clientId, @NotBlank String clientSecret) {

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
