package io.partnerlink.shared.art;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * .ART's only error shape: a code ({@code validation_error}, {@code invalid_credentials}) and messages whose
 * {@code path} names the offending field as JSONPath ({@code $.items[0].period}).
 */
@Serdeable
public record ArtError(@Nullable String error, @Nullable List<Message> messages) {

    public static final String VALIDATION_ERROR = "validation_error";
    public static final String INVALID_CREDENTIALS = "invalid_credentials";

    public ArtError {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    @Serdeable
    public record Message(@Nullable String path, @Nullable String message) {
    }
}
