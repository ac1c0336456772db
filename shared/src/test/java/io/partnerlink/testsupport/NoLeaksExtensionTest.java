package io.partnerlink.testsupport;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leak scan finds a secret in a captured line and masks it in its report. */
class NoLeaksExtensionTest {

    @Test
    void findsAndMasksASecretInACapturedLine() {
        // Deliberately not registered with Leaks: the suite-wide scan must not fail this class.
        String secret = "pretend-" + "secret-value-42";
        try (LogCapture logs = LogCapture.attach()) {
            LoggerFactory.getLogger(getClass()).info("careless line with {}", secret);
            LoggerFactory.getLogger(getClass()).info("clean line");
            List<String> hits = NoLeaksExtension.hits(logs.lines(), Set.of(secret));
            assertEquals(1, hits.size());
            assertFalse(hits.get(0).contains(secret));
            assertTrue(hits.get(0).contains("<secret 23 chars>"), hits.get(0));
        }
    }
}
