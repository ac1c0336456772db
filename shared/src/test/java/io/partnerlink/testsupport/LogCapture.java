package io.partnerlink.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Captures every log line, encoded as the functions encode them, so tests can read and scan them. */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final Encoder<ILoggingEvent> encoder;
    private final List<String> lines = new ArrayList<>();

    private LogCapture(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public static LogCapture attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        // The production encoder from logback.xml, so the captured lines are exactly what CloudWatch would get.
        @SuppressWarnings("unchecked")
        Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) root.getAppender("JSON")).getEncoder();
        LogCapture capture = new LogCapture(encoder);
        capture.setContext(context);
        capture.start();
        root.addAppender(capture);
        return capture;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8).trim());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines containing {@code needle}; a test asserts this is empty for every secret. */
    public synchronized List<String> linesContaining(String needle) {
        if (needle == null || needle.isEmpty()) {
            throw new IllegalArgumentException("Scanning for an empty string would match every line");
        }
        return lines.stream().filter(l -> l.contains(needle)).toList();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }
}
