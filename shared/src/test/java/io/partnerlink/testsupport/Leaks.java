package io.partnerlink.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values and tokens the tests use, which must never appear in a log line. {@link LocalAws#putSecret}
 * registers every value of a secret; tests register partner tokens and other sensitive values themselves.
 * Values shorter than {@link #MIN_LENGTH} characters are not watched: they would match ordinary text.
 */
public final class Leaks {

    public static final int MIN_LENGTH = 8;
    private static final Set<String> WATCHED = ConcurrentHashMap.newKeySet();

    private Leaks() {
    }

    public static void watch(String... values) {
        for (String value : values) {
            if (value != null && value.length() >= MIN_LENGTH) {
                WATCHED.add(value);
            }
        }
    }

    public static Set<String> watched() {
        return Set.copyOf(WATCHED);
    }
}
