package io.partnerlink.shared.art;

import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.problem.FieldError;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads .ART's error body into a {@link PartnerRejectedException}: the error code as the partner's message and
 * each {@code messages[].path} (JSONPath, {@code $.items[0].period}) as a field error ({@code items[0].period}).
 */
public final class ArtErrors {

    public static final String PARTNER = "art";

    private ArtErrors() {
    }

    public static PartnerRejectedException rejection(HttpClientResponseException e) {
        ArtError body = read(e).orElse(new ArtError(null, List.of()));
        List<FieldError> fields = body.messages().stream()
                .map(m -> new FieldError(field(m.path()), m.message() == null ? "is not valid" : m.message()))
                .toList();
        return new PartnerRejectedException(PARTNER, e.getStatus().getCode(), body.error(), fields);
    }

    /** {@code $.items[0].period} → {@code items[0].period}; the root or no path → {@code body}. */
    public static String field(String jsonPath) {
        if (jsonPath == null || jsonPath.isBlank()) {
            return "body";
        }
        String path = jsonPath.trim();
        if (path.startsWith("$.")) {
            path = path.substring(2);
        } else if (path.startsWith("$")) {
            path = path.substring(1);
        }
        return path.isEmpty() ? "body" : path;
    }

    /** A one-line account of a rejection, for summaries and logs: status, code and field errors. */
    public static String describe(PartnerRejectedException e) {
        StringBuilder text = new StringBuilder(PARTNER).append(" refused with HTTP ").append(e.status());
        if (e.partnerMessage() != null) {
            text.append(' ').append(e.partnerMessage());
        }
        if (!e.fieldErrors().isEmpty()) {
            text.append(": ").append(e.fieldErrors().stream().map(f -> f.field() + " " + f.message())
                    .collect(Collectors.joining("; ")));
        }
        return text.toString();
    }

    private static Optional<ArtError> read(HttpClientResponseException e) {
        try {
            return e.getResponse().getBody(ArtError.class);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
