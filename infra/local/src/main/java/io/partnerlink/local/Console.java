package io.partnerlink.local;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The runner's own output: one line per event, function log lines prefixed with the function's logical id.
 * Stack traces of failed invocations appear here and nowhere else.
 */
public final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static volatile PrintStream out = System.out;

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
