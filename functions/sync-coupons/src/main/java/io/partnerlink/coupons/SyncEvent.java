package io.partnerlink.coupons;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What the function accepts, in one shape: the EventBridge envelope of a scheduled event ({@code id},
 * {@code detail-type}, {@code source}, {@code time}, {@code detail}...) or a manual event that holds the run's
 * options at the top level ({@code email}, {@code phone}, {@code fullResync}, optionally an {@code id} to make it
 * exactly-once). Options may also arrive in {@code detail} (a manual event sent through EventBridge). Any other
 * field, or a value of the wrong type, is refused before anything runs.
 */
@Serdeable
@Introspected
@JsonIgnoreProperties(ignoreUnknown = false)
public record SyncEvent(
        @Nullable String version,
        @Nullable @Serdeable.Deserializable(using = StrictJson.Text.class) @Size(min = 1, max = 128) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces") String id,
        @Nullable @JsonProperty("detail-type") String detailType,
        @Nullable String source,
        @Nullable String account,
        @Nullable String time,
        @Nullable String region,
        @Nullable List<String> resources,
        @Nullable @JsonProperty("replay-name") String replayName,
        @Nullable @Valid SyncOptions detail,
        @Nullable @Serdeable.Deserializable(using = StrictJson.Text.class) @Size(min = 1, max = 254) @Pattern(regexp = SyncOptions.EMAIL_PATTERN, message = SyncOptions.EMAIL_MESSAGE) String email,
        @Nullable @Serdeable.Deserializable(using = StrictJson.Text.class) @Pattern(regexp = SyncOptions.PHONE_PATTERN, message = SyncOptions.PHONE_MESSAGE) String phone,
        @Nullable @Serdeable.Deserializable(using = StrictJson.Bool.class) Boolean fullResync) {

    public static final String SCHEDULED = "Scheduled Event";

    boolean hasTopLevelOptions() {
        return email != null || phone != null || fullResync != null;
    }

    boolean isScheduled() {
        return "aws.events".equals(source) && SCHEDULED.equals(detailType);
    }
}
