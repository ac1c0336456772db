package io.partnerlink.shared.api;

import io.partnerlink.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: control and invisible characters in what the function reads are refused, never trimmed. */
class RequestTextTest {

    @Test
    void controlAndInvisibleCharactersAreNotClean() {
        for (String bad : new String[]{"application/json\u0000", "application/json\u000b", "a\u007fb", "a\u0085b", "a\u200Bb",
                "a\u00ADb", "a\u202Eb", "\uFEFFa", "a\u2060b"}) {
            assertFalse(RequestText.isClean(bad, true), bad.codePoints().mapToObj(Integer::toHexString).toList().toString());
        }
        assertTrue(RequestText.isClean("application/json; charset=utf-8", false));
        assertTrue(RequestText.isClean("пример.art", false));
        assertTrue(RequestText.isClean("a\tb", true), "a tab is allowed in a header value (RFC 9110)");
        assertFalse(RequestText.isClean("a\tb", false), "but not in a path or query");
    }

    @Test
    void aHeaderTheFunctionReadsIsRefusedNotTrimmed() {
        ApiRequest request = new ApiRequest("POST /x", Map.of(), Map.of("content-type", "application/json\u0000",
                "idempotency-key", "a\u0000"), Map.of(), new byte[0], "r-1", null, null);
        ProblemException refused = assertThrows(ProblemException.class, () -> request.header("Content-Type"));
        assertEquals("headers.content-type", refused.errors().get(0).field());
        assertEquals("a\u0000", request.header("Idempotency-Key"), "the key's own stricter rule answers it");
    }

    @Test
    void pathAndQueryValuesAreChecked() {
        assertThrows(ProblemException.class, () -> RequestText.check(Map.of("domain", "gallery-one.art\u0000"), Map.of()));
        assertThrows(ProblemException.class, () -> RequestText.check(Map.of(), Map.of("q\u0000", "1")));
        RequestText.check(Map.of("domain", "gallery-one.art"), Map.of("q", "1"));
    }
}
