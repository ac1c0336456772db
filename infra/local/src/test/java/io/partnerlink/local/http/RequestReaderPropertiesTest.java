package io.partnerlink.local.http;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Generated request heads: whatever is malformed in the request line or a header is refused with a 400 before
 * anything is decoded, and whatever is well-formed keeps its bytes.
 */
class RequestReaderPropertiesTest {

    @Property
    void aMethodOtherThanTheSevenInCapitalsIsRefused(@ForAll("notAMethod") String method) {
        assertRefused(400, method + " /x HTTP/1.1\r\nHost: h\r\n\r\n");
    }

    @Provide
    Arbitrary<String> notAMethod() {
        Arbitrary<String> caseVariants = Arbitraries.of(RequestReader.METHODS).flatMap(m -> Arbitraries.integers()
                .between(1, (1 << m.length()) - 1).map(mask -> {
                    StringBuilder variant = new StringBuilder();
                    for (int i = 0; i < m.length(); i++) {
                        variant.append((mask >> i & 1) == 1 ? Character.toLowerCase(m.charAt(i)) : m.charAt(i));
                    }
                    return variant.toString();
                }));
        Arbitrary<String> others = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12)
                .filter(m -> !RequestReader.METHODS.contains(m) && m.indexOf(' ') < 0);
        return Arbitraries.oneOf(caseVariants, others);
    }

    @Property
    void aControlCharacterAnywhereInAHeaderValueIsRefused(@ForAll @StringLength(max = 40) String before,
                                                          @ForAll("control") char control,
                                                          @ForAll @StringLength(max = 40) String after) {
        String value = printable(before) + control + printable(after);
        assertRefused(400, "GET /x HTTP/1.1\r\nHost: h\r\nIdempotency-Key: " + value + "\r\n\r\n");
    }

    @Provide
    Arbitrary<Character> control() {
        List<Character> controls = new java.util.ArrayList<>();
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t') {
                controls.add(c); // CR and LF alone included: a bare one ends nothing but the request
            }
        }
        controls.add('\u007f');
        return Arbitraries.of(controls);
    }

    @Property
    void aPercentNotFollowedByTwoHexDigitsIsRefused(@ForAll("pathText") String before, @ForAll("notHex") String after,
                                                    @ForAll boolean inQuery) {
        String target = inQuery ? "/x?" + before + "%" + after : "/" + before + "%" + after;
        assertRefused(400, "GET " + target + " HTTP/1.1\r\nHost: h\r\n\r\n");
    }

    @Provide
    Arbitrary<String> pathText() {
        return Arbitraries.strings().withChars("abcXYZ019-._~/=&").ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> notHex() {
        Arbitrary<String> cut = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMaxLength(1);
        Arbitrary<String> wrong = net.jqwik.api.Combinators.combine(Arbitraries.strings().withChars("gGzZ-_.~/!").ofLength(1),
                Arbitraries.strings().withChars("0123456789aF").ofMaxLength(1), Arbitraries.of(true, false))
                .as((bad, hex, badFirst) -> badFirst ? bad + hex : hex + bad);
        return Arbitraries.oneOf(cut, wrong);
    }

    @Property
    void aByteOutsideVisibleAsciiInTheTargetIsRefused(@ForAll("pathText") String path, @ForAll @IntRange(min = 0x80, max = 0xff) int raw) {
        assertRefused(400, "GET /" + path + (char) raw + " HTTP/1.1\r\nHost: h\r\n\r\n");
    }

    @Property
    void aWellFormedHeaderValueKeepsItsBytes(@ForAll("visible") String value) throws Exception {
        WireRequest request = read("GET /x HTTP/1.1\r\nHost: h\r\nIdempotency-Key: " + value + "\r\n\r\n");
        assertEquals(List.of(value.strip()), RequestReader.values(request.headers(), "idempotency-key"));
    }

    @Provide
    Arbitrary<String> visible() {
        return Arbitraries.strings().withCharRange('!', '~').withChars(' ', '\t').ofMinLength(1).ofMaxLength(60);
    }

    @Property
    void aContentLengthThatIsNotDigitsIsRefused(@ForAll("notDigits") String length) {
        assertRefused(400, "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: " + length + "\r\n\r\n");
    }

    @Provide
    Arbitrary<String> notDigits() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(10)
                .filter(s -> !s.chars().allMatch(c -> c >= '0' && c <= '9') && s.indexOf(',') < 0);
    }

    private static String printable(String text) {
        return text.replaceAll("[^\\x21-\\x7e]", "a");
    }

    private static WireRequest read(String request) throws Exception {
        return new RequestReader(new ByteArrayInputStream(request.getBytes(StandardCharsets.ISO_8859_1)),
                new ByteArrayOutputStream()).next();
    }

    private static void assertRefused(int status, String request) {
        MalformedRequest refused = assertThrows(MalformedRequest.class, () -> read(request), request);
        assertEquals(status, refused.status());
    }
}
