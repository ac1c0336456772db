package io.partnerlink.local;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console keeps the process's real standard output whatever a library does to {@link System#out}: DynamoDB
 * Local swaps in a null stream while it starts, in parallel with the runner's first console line. A fresh JVM, so
 * the console class is first used while System.out is swapped, as in the race.
 */
class ConsoleStdoutTest {

    @Test
    void linesWrittenWhileSystemOutIsSwappedAndAfterwardsReachStdout() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SwappedStdout.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertEquals(2, lines.size(), output);
        assertTrue(lines.get(0).endsWith(" first line, while System.out is a null stream"), output);
        assertTrue(lines.get(1).endsWith(" WARN second line, after System.out is back"), output);
    }

    /** The child: the first console line is written while System.out is swapped, the second after. */
    static final class SwappedStdout {
        public static void main(String[] args) {
            PrintStream real = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            Console.info("first line, while System.out is a null stream");
            System.setOut(real);
            Console.warn("second line, after System.out is back");
        }
    }
}
