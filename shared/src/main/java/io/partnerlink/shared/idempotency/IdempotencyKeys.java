package io.partnerlink.shared.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashing for keys and payloads: SHA-256, hex. */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A key built from several event fields; the separator cannot occur in their hashes. */
    public static String fromParts(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            joined.append(sha256(part == null ? "" : part)).append('|');
        }
        return sha256(joined.toString());
    }

    /** A short hash of a key, safe to log. */
    public static String logHash(String key) {
        return sha256(key).substring(0, 16);
    }

    /** Whether a caller-supplied key is 1 to 255 printable ASCII characters, none of them a comma. */
    public static boolean isValidClientKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 255) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            // A comma too: API Gateway joins two Idempotency-Key headers into "a,b", and one key must mean one key.
            if (c < 0x20 || c > 0x7e || c == ',') {
                return false;
            }
        }
        return true;
    }
}
