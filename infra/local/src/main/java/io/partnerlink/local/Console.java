package io.partnerlink.local;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The runner's own output: one line per event, function log lines prefixed with the function's logical id.
 * Stack traces of failed invocations appear here and nowhere else.
 * Writes to the process's standard output file descriptor, never through {@link System#out}: libraries swap
 * System.out while they start (DynamoDB Local sets a null stream), and a copy of it taken at that moment would
 * silence the whole run.
 */
public final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final PrintStream STDOUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            Charset.forName(System.getProperty("stdout.encoding", Charset.defaultCharset().name()), Charset.defaultCharset()));
    private static volatile PrintStream out = STDOUT;

    private Console() {
    }

    /** Where the lines go (tests point it at a buffer). */
    public static void redirect(PrintStream target) {
        out = target;
    }

    public static void info(String message) {
        line("", message);
    }

    public static void warn(String message) {
        line("WARN ", message);
    }

    public static void error(String message, Throwable cause) {
        synchronized (Console.class) {
            line("ERROR ", message);
            cause.printStackTrace(out);
        }
    }

    public static void function(String functionId, String logLine) {
        line("[" + functionId + "] ", logLine);
    }

    /** Unprefixed text (the start-up banner). */
    public static void plain(String text) {
        synchronized (Console.class) {
            out.println(text);
            out.flush();
        }
    }

    private static void line(String prefix, String message) {
        synchronized (Console.class) {
            out.println(LocalTime.now().format(TIME) + " " + prefix + message);
            out.flush();
        }
    }
}
