package io.partnerlink.renewal;

import io.partnerlink.shared.problem.FieldError;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;

import java.net.IDN;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A registrable .art name from the path: one label under {@code .art}, letters, digits and inner hyphens, at most
 * 63 characters. Unicode names are accepted and turned into punycode ({@code пример.art} →
 * {@code xn--e1afmkfd.art}), the form .ART's {@code name} field and the renewal body use.
 */
public final class ArtDomainName {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final String TLD = ".art";
    private static final int MAX_INPUT = 256;

    private ArtDomainName() {
    }

    /** The ASCII name, lower-cased; a 400 naming the {@code domain} field otherwise. */
    public static String parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            throw invalid();
        }
        String ascii;
        try {
            String decoded = raw.indexOf('%') >= 0 ? URLDecoder.decode(raw, StandardCharsets.UTF_8) : raw;
            ascii = IDN.toASCII(decoded.trim(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!ascii.endsWith(TLD)) {
            throw invalid();
        }
        String label = ascii.substring(0, ascii.length() - TLD.length());
        if (!LABEL.matcher(label).matches()) {
            throw invalid();
        }
        // "ab--" is reserved for encodings; only punycode's "xn--" is a real name.
        if (label.length() >= 4 && label.startsWith("--", 2) && !label.startsWith("xn--")) {
            throw invalid();
        }
        return ascii;
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The domain in the path is not a valid .art name.",
                List.of(new FieldError("domain", "must be a .art domain name such as example.art")));
    }
}
