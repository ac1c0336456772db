package io.partnerlink.bench.host;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every host main shares: events from a JSON-lines file, one invocation, the process's resident memory. */
final class Invocations {

    private Invocations() {
    }

    static List<String> events(String file) throws IOException {
        return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    static RequestStreamHandler handler(String className) throws ReflectiveOperationException {
        return (RequestStreamHandler) Class.forName(className).getConstructor().newInstance();
    }

    static String invoke(RequestStreamHandler handler, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new HostContext());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** VmRSS of this process in KiB, from /proc/self/status (-1 off Linux). */
    static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** The one line the harness reads: {@code BENCH {json}}; everything else on stdout is the function's own log. */
    static void report(String json) {
        System.out.println("BENCH " + json);
        System.out.flush();
    }
}
