package dev.k6j.output.prometheus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the output logged through the logger the engine gave it ({@code k6j.output.experimental-prometheus-rw}),
 * captured for assertions. The engine's output loggers are {@code System.Logger}s backed by java.util.logging, whose
 * console handler keeps the first {@code System.err} it saw, so reading the CLI's captured stderr is not reliable.
 */
final class OutputLog implements AutoCloseable {

    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel().getName() + ": " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private OutputLog(String name) {
        logger = Logger.getLogger(name);
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** Starts capturing what the engine's output logger of that name logs. */
    static OutputLog capture(String outputName) {
        return new OutputLog("k6j.output." + outputName);
    }

    /** Everything logged so far, one line per message, e.g. {@code "WARNING: could not push ..."}. */
    String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
