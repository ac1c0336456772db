package io.partnerlink.shared.secrets;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared secret webhook senders sign their requests with. During a rotation the secret also holds the key it
 * replaces ({@code previousSigningSecret}), accepted until it is removed, so senders can switch at their own pace.
 */
@Serdeable
@Introspected
public record WebhookSigningSecret(@NotBlank String signingSecret, @Nullable String previousSigningSecret) {

    /** The keys a signature may be made with: the current one first, then the previous one during a rotation. */
    public List<String> acceptedKeys() {
        List<String> keys = new ArrayList<>(2);
        keys.add(signingSecret);
        if (previousSigningSecret != null && !previousSigningSecret.isBlank()) {
            keys.add(previousSigningSecret);
        }
        return keys;
    }

    @Override
    public String toString() {
        return "WebhookSigningSecret[***]";
    }
}
