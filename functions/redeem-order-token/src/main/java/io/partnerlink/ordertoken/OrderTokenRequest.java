package io.partnerlink.ordertoken;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.nio.charset.StandardCharsets;

/**
 * The webhook body: the office's Vitec customer id and the opaque order token. Unknown fields are refused.
 * The customer id goes into Vitec's URL path, so it is limited to URL-safe characters, must start with a letter
 * or digit (no {@code .}/{@code ..} segments) and is at most 64 long; the spec says only "string".
 */
@Serdeable
@Introspected
@JsonIgnoreProperties(ignoreUnknown = false)
public record OrderTokenRequest(
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._~-]{0,63}", message = "must be 1 to 64 letters, digits, '.', '_', '~' or '-', starting with a letter or digit")
        String customerId,
        // Look-alike policy (README): Vitec's example token has spaces, so spaces may be inside, but a token of
        // only white space (U+3000, U+00A0 pass @NotBlank) or with control or invisible format characters is refused.
        @NotBlank
        @Pattern(regexp = "(?=.*[^\\p{IsWhite_Space}])[^\\p{Cc}\\p{Cf}]+", flags = Pattern.Flag.DOTALL,
                message = "must hold visible characters and no control or invisible characters")
        String token) {

    /** Tokens are bounded in bytes, as sent, not in characters. */
    public static final int MAX_TOKEN_BYTES = 4096;

    public boolean tokenTooLong() {
        return token.getBytes(StandardCharsets.UTF_8).length > MAX_TOKEN_BYTES;
    }

    @Override
    public String toString() {
        return "OrderTokenRequest[customerId=" + customerId + ", token=***]";
    }
}
