package io.partnerlink.coupons;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The options of a run, as the {@code detail} of an EventBridge event ({@code {}} for the schedule): narrow it to
 * clients whose e-mail or phone matches a pattern ({@code %} matches any part, as i-bonus defines it), or rewrite
 * every item ({@code fullResync}).
 */
@Serdeable
@Introspected
@JsonIgnoreProperties(ignoreUnknown = false)
public record SyncOptions(
        @Nullable @Serdeable.Deserializable(using = StrictJson.Text.class) @Size(min = 1, max = 254) @Pattern(regexp = EMAIL_PATTERN, message = EMAIL_MESSAGE) String email,
        @Nullable @Serdeable.Deserializable(using = StrictJson.Text.class) @Pattern(regexp = PHONE_PATTERN, message = PHONE_MESSAGE) String phone,
        @Nullable @Serdeable.Deserializable(using = StrictJson.Bool.class) Boolean fullResync) {

    static final String EMAIL_PATTERN = "[^\\s\\p{Cntrl}]+";
    static final String EMAIL_MESSAGE = "must be an e-mail pattern without spaces (% matches any part)";
    static final String PHONE_PATTERN = "[0-9%]{1,32}";
    static final String PHONE_MESSAGE = "must be 1 to 32 digits or % (any part)";

    boolean isEmpty() {
        return email == null && phone == null && fullResync == null;
    }
}
