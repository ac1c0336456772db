package io.partnerlink.bench;

import io.partnerlink.bench.cases.FunctionCase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A prepared case: its emulators set up, its environment known, and the two jars a child JVM can run (the
 * function's shaded jar or the baseline's), each next to the bench host jar.
 */
record Subject(FunctionCase fn, Map<String, String> env, Path functionJar, Path baselineJar, Path hostJar, Path work) {

    List<Path> functionClasspath() {
        return List.of(functionJar, hostJar);
    }

    List<Path> baselineClasspath() {
        return List.of(baselineJar, hostJar);
    }

    /** A JSON-lines file of {@code count} events, each with its own idempotency key. */
    Path events(String label, int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            // one event a line: pretty-printed samples have newlines only between tokens, never inside strings
            lines.append(fn.event(label + "-" + UUID.randomUUID()).replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
        try {
            Path file = Files.createTempFile(work, fn.name() + "-" + label + "-", ".jsonl");
            Files.writeString(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
