package io.partnerlink.testsupport;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an answer may never carry (docs/design.md §Errors): a stack trace, an internal class or package name, or a
 * watched secret ({@link Leaks}). Every error is {@code application/problem+json} with the request id in it.
 */
public final class CleanAnswers {

    /** Fragments of stack traces and of our, Micronaut's, the SDK's and the JDK's class names. */
    public static final List<String> INTERNALS = List.of("Exception", "Caused by", "at java.", "\tat ", "io.partnerlink",
            "io.micronaut", "software.amazon", "com.fasterxml", "java.lang", "java.io", "java.net", "jakarta.");

    private CleanAnswers() {
    }

    public static void assertClean(HttpAnswer answer) {
        assertNotNull(answer.header("X-Request-Id"), "every answer carries the request id");
        String body = answer.body() == null ? "" : answer.body();
        for (String internal : INTERNALS) {
            assertFalse(body.contains(internal), () -> "answer body shows '" + internal + "': " + body);
            for (Map.Entry<String, String> header : answer.headers().entrySet()) {
                assertFalse(header.getValue().contains(internal), () -> "header " + header.getKey() + " shows '" + internal + "'");
            }
        }
        for (String secret : Leaks.watched()) {
            assertFalse(body.contains(secret), "answer body carries a watched secret");
            assertFalse(answer.headers().values().stream().anyMatch(v -> v.contains(secret)), "a header carries a watched secret");
        }
        if (answer.status() >= 400) {
            assertEquals("application/problem+json", answer.header("Content-Type"), body);
            assertEquals(answer.status(), answer.json().get("status").getIntValue(), body);
            assertEquals(answer.header("X-Request-Id"), answer.json().get("instance").getStringValue(), body);
        }
    }

    /** For test engines {@link NoLeaksExtension} does not reach (jqwik): no captured log line holds a watched secret. */
    public static void assertNoSecretLogged(LogCapture logs) {
        for (String secret : Leaks.watched()) {
            assertTrue(logs.linesContaining(secret).isEmpty(), "a watched secret reached the log");
        }
    }

    /** {@link #assertClean} and the expected status and problem type (null type for a success). */
    public static void assertProblem(HttpAnswer answer, int status, String type) {
        assertClean(answer);
        assertEquals(status, answer.status(), answer.body());
        assertEquals(type, answer.problemType(), answer.body());
    }
}
