package dev.k6j.engine.vu;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that writes through {@link ConsoleLog}, so what modules and outputs log looks like the
 * rest of k6j's output ({@code WARN[0003] [VU 2] message}). Thread-safe.
 */
public final class ConsoleLogger implements System.Logger {

    private final String name;
    private final ConsoleLog console;
    private final long vuId;

    /** @param vuId the VU the messages belong to, or 0 */
    public ConsoleLogger(String name, ConsoleLog console, long vuId) {
        this.name = name;
        this.console = console;
        this.vuId = vuId;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return level != Level.OFF && (level.getSeverity() >= Level.INFO.getSeverity() || console.debugEnabled());
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (!isLoggable(level)) {
            return;
        }
        String text = message;
        if (thrown != null && console.debugEnabled()) {
            java.io.StringWriter trace = new java.io.StringWriter();
            thrown.printStackTrace(new java.io.PrintWriter(trace));
            text = message + "\n" + trace;
        }
        console.log(levelName(level), vuId, text);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            console.log(levelName(level), vuId, params == null || params.length == 0 ? format
                    : MessageFormat.format(format, params));
        }
    }

    private static String levelName(Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warn";
            case INFO -> "info";
            default -> "debug";
        };
    }
}
