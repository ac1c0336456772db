package io.partnerlink.shared.art;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * .ART documents timestamps with a colon-less offset ({@code 2019-07-25T13:18:46+0000}), which
 * {@code ISO_OFFSET_DATE_TIME} rejects. A server may as well send {@code Z} or {@code +00:00}, with or without a
 * fraction of a second, so all of these are read; anything else (no offset, no seconds, another layout) is not a
 * timestamp, and {@link #parse} says so for the one field it belongs to. Written always in the documented form.
 */
public final class ArtTimestamps {

    public static final String PATTERN = "yyyy-MM-dd'T'HH:mm:ssZ";
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(PATTERN);
    private static final int MAX_QUOTED = 40;

    /** {@code +0000}, {@code +00:00} and {@code Z}, each with an optional fraction of 1 to 9 digits. */
    static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private ArtTimestamps() {
    }

    /** The instant in .ART's form, in UTC, so the same instant always gives the same text. */
    public static String format(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(FORMAT);
    }

    public static OffsetDateTime parse(String text) {
        return OffsetDateTime.parse(text, READ);
    }

    /**
     * The field's value as a time; null when the partner left it out.
     *
     * @throws ArtTimestampException when it is there but is not a timestamp in any form above
     */
    public static @Nullable OffsetDateTime parse(String field, @Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            String quoted = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
            throw new ArtTimestampException(field + " '" + quoted + "' is not a timestamp (expected e.g. 2019-07-25T13:18:46+0000)");
        }
    }

    /** A timestamp field that is present but unreadable: it fails what needed that one value, not the whole list. */
    public static class ArtTimestampException extends RuntimeException {
        public ArtTimestampException(String message) {
            super(message, null, false, false);
        }
    }
}
