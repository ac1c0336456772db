package io.partnerlink.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scans every log line of every test class for every watched secret ({@link Leaks}) and fails the class that
 * leaked one. Registered for all tests through JUnit's extension auto-detection (enabled in the parent pom), so
 * the whole suite is covered without any test opting in. A hit is reported with the secret masked.
 */
public class NoLeaksExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoLeaksExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("capture", LogCapture.attach());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LogCapture capture = context.getStore(NS).remove("capture", LogCapture.class);
        if (capture == null) {
            return;
        }
        List<String> lines = capture.lines();
        capture.close();
        Set<String> secrets = Leaks.watched();
        List<String> hits = hits(lines, secrets);
        System.out.printf("leak scan %s: %d log lines, %d watched values, %d hits%n",
                context.getDisplayName(), lines.size(), secrets.size(), hits.size());
        if (!hits.isEmpty()) {
            throw new AssertionError("Secrets reached the log in " + context.getDisplayName() + ":\n" + String.join("\n", hits));
        }
    }

    /** The lines that contain a secret, with the secret masked so the report does not leak it again. */
    static List<String> hits(List<String> lines, Set<String> secrets) {
        List<String> hits = new ArrayList<>();
        for (String line : lines) {
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    hits.add(line.replace(secret, "<secret " + secret.length() + " chars>"));
                }
            }
        }
        return hits;
    }
}
