package io.partnerlink.bench.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The functions' own sample events ({@code infra/events}), made unique per invocation. */
final class SampleEvents {

    private static final Pattern KEY = Pattern.compile("(\"idempotency-key\"\\s*:\\s*\")[^\"]*(\")", Pattern.CASE_INSENSITIVE);

    private SampleEvents() {
    }

    static String read(Path root, String name) {
        try {
            return Files.readString(root.resolve("infra/events").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event with its {@code idempotency-key} header set to {@code key}. */
    static String withKey(String event, String key) {
        Matcher m = KEY.matcher(event);
        if (!m.find()) {
            throw new IllegalStateException("the sample event has no idempotency-key header");
        }
        return m.replaceFirst(Matcher.quoteReplacement(m.group(1) + key + m.group(2)));
    }
}
