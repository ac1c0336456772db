package io.partnerlink.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The runner's console during a test: kept for assertions and still shown in the test's output file. */
final class LogBuffer extends OutputStream {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final PrintStream echo;

    private LogBuffer(PrintStream echo) {
        this.echo = echo;
    }

    static LogBuffer attach() {
        LogBuffer buffer = new LogBuffer(System.out);
        Console.redirect(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer;
    }

    @Override
    public synchronized void write(int b) {
        kept.write(b);
        echo.write(b);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        kept.write(b, off, len);
        echo.write(b, off, len);
        notifyAll();
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** Waits (on writes, not by polling) until the log contains {@code text}; false if it does not in time. */
    synchronized boolean awaitContains(String text, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!text().contains(text)) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
