package io.partnerlink.shared.secrets;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic credentials (i-bonus.me and Vitec secrets). */
@Serdeable
@Introspected
public record BasicCredentials(@NotBlank String username, @NotBlank String password) {

    /** The value of an {@code Authorization} header. */
    public String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=***]";
    }
}
