package io.partnerlink.shared.art;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * .ART writes timestamps with a colon-less offset ({@code 2019-07-25T13:18:46+0000}), which
 * {@code ISO_OFFSET_DATE_TIME} rejects; every timestamp field of the client uses this pattern.
 */
public final class ArtTimestamps {

    public static final String PATTERN = "yyyy-MM-dd'T'HH:mm:ssZ";
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(PATTERN);

    private ArtTimestamps() {
    }

    /** The instant in .ART's form, in UTC, so the same instant always gives the same text. */
    public static String format(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(FORMAT);
    }

    public static OffsetDateTime parse(String text) {
        return OffsetDateTime.parse(text, FORMAT);
    }
}
