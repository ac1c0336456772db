package io.partnerlink.shared.secrets;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/** The shared secret webhook senders sign their requests with. */
@Serdeable
@Introspected
public record WebhookSigningSecret(@NotBlank String signingSecret) {

    @Override
    public String toString() {
        return "WebhookSigningSecret[***]";
    }
}
