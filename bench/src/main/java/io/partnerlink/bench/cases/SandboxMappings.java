package io.partnerlink.bench.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads values out of a partner sandbox's WireMock mappings, so events name things the sandbox knows. */
final class SandboxMappings {

    private SandboxMappings() {
    }

    /** The first match of {@code pattern}'s group 1 in a mapping file whose text contains {@code urlPart}. */
    static Optional<String> find(Path sandboxDir, String urlPart, Pattern pattern) {
        try (Stream<Path> files = Files.walk(sandboxDir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(file);
                if (text.contains(urlPart)) {
                    Matcher m = pattern.matcher(text);
                    if (m.find()) {
                        return Optional.of(m.group(1));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
