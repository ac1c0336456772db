package io.partnerlink.renewal;

import io.partnerlink.shared.problem.FieldError;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;

import java.net.IDN;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A registrable .art name from the path: one label under {@code .art}, letters, digits and inner hyphens, at most
 * 63 characters. Unicode names are accepted and turned into punycode ({@code пример.art} →
 * {@code xn--e1afmkfd.art}), the form .ART's {@code name} field and the renewal body use, and the name the answer
 * reports back.
 * <p>
 * Look-alike policy (IDNA 2008 / UTS-46, strict; README "Look-alikes"): the only mapping is ASCII upper to lower
 * case. Anything UTS-46 would map or drop instead of refusing is refused here: fullwidth or ideographic dots,
 * fullwidth letters, zero-width characters, the soft hyphen, symbols such as the division slash U+2215, control
 * characters, and the four characters IDNA 2003 and 2008 read differently (ß, ς, ZWJ, ZWNJ; Java's IDN is 2003).
 * The path is percent-decoded at most once, and a {@code %} left after that ({@code %252E}) is refused.
 */
public final class ArtDomainName {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final String TLD = ".art";
    private static final int MAX_INPUT = 256;
    private static final String DEVIATIONS = "\u00DF\u03C2\u200C\u200D";

    private ArtDomainName() {
    }

    /** The ASCII name, lower-cased; a 400 naming the {@code domain} field otherwise. */
    public static String parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_INPUT) {
            throw invalid();
        }
        String ascii;
        try {
            String decoded = raw.indexOf('%') >= 0 ? URLDecoder.decode(raw, StandardCharsets.UTF_8) : raw;
            if (!isStrictIdna2008(decoded)) {
                throw invalid();
            }
            // An xn-- label is held to the same rule as the Unicode it stands for (xn--etc-sc2a is "∕etc").
            String unicode = IDN.toUnicode(lowerAscii(decoded), IDN.USE_STD3_ASCII_RULES);
            if (!isStrictIdna2008(unicode)) {
                throw invalid();
            }
            ascii = IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            // IDNA 2003's nameprep maps what 2008 refuses; a name that does not come back unchanged was mapped.
            if (!IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES).equals(unicode)) {
                throw invalid();
            }
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

    /**
     * Only ASCII letters, digits, hyphens and dots, and Unicode letters, marks and digits that NFKC leaves as they
     * are (which rules out fullwidth forms and other compatibility characters, as IDNA 2008 does).
     */
    static boolean isStrictIdna2008(String name) {
        if (!Normalizer.isNormalized(name, Normalizer.Form.NFKC)) {
            return false;
        }
        return name.codePoints().allMatch(c -> c < 0x80
                ? Character.isLetterOrDigit(c) || c == '-' || c == '.'
                : DEVIATIONS.indexOf(c) < 0 && switch (Character.getType(c)) {
                    case Character.LOWERCASE_LETTER, Character.OTHER_LETTER, Character.MODIFIER_LETTER,
                         Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER -> true;
                    default -> false;
                });
    }

    private static String lowerAscii(String name) {
        StringBuilder lower = new StringBuilder(name.length());
        name.chars().forEach(c -> lower.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : (char) c));
        return lower.toString();
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The domain in the path is not a valid .art name.",
                List.of(new FieldError("domain", "must be a .art domain name such as example.art")));
    }
}
