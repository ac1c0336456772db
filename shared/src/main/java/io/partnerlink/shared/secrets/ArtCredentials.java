package io.partnerlink.shared.secrets;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/**
 * .ART credentials: the OAuth2 client, optionally a store user for the {@code password} grant, and the
 * WHMCS API key for the invoice calls.
 */
@Serdeable
@Introspected
public record ArtCredentials(@NotBlank String clientId,
                             @NotBlank String clientSecret,
                             @Nullable String username,
                             @Nullable String password,
                             @Nullable String whmcsApiKey) {

    public boolean hasUser() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "ArtCredentials[clientId=" + clientId + ", clientSecret=***, username=" + username
                + ", password=" + (password == null ? null : "***") + ", whmcsApiKey=" + (whmcsApiKey == null ? null : "***") + "]";
    }
}
