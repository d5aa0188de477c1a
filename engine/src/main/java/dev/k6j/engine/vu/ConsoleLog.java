package dev.k6j.engine.vu;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Prints log lines the way k6 does: on a terminal {@code INFO[0003] message} with the VU that logged them, elsewhere
 * in the {@link LogFormat} asked for (k6's logfmt by default). {@code console.*} lines may go to a file of their
 * own ({@code --console-output}). Thread-safe: lines from many VUs never interleave.
 */
public final class ConsoleLog {

    private final PrintStream out;
    private final boolean debugEnabled;
    private final boolean color;
    private final LogFormat format;
    private final String minimumLevel;
    private final PrintStream consoleOut;
    private final long startNanos = System.nanoTime();
    private volatile UnaryOperator<String> redactor = UnaryOperator.identity();
    private volatile java.util.function.Supplier<String> persistentText;

    /** A log in k6's terminal form. */
    public ConsoleLog(PrintStream out, boolean debugEnabled, boolean color) {
        this(out, debugEnabled, color, LogFormat.TEXT, null, null);
    }

    /**
     * @param format       how lines look
     * @param minimumLevel the least severe level written ({@code --log-output=file=…,level=warning}), or null
     * @param consoleOut   where {@code console.*} lines go instead ({@code --console-output}), or null
     */
    public ConsoleLog(PrintStream out, boolean debugEnabled, boolean color, LogFormat format, String minimumLevel,
                      PrintStream consoleOut) {
        this.out = out;
        this.debugEnabled = debugEnabled;
        this.color = color;
        this.format = format;
        this.minimumLevel = minimumLevel;
        this.consoleOut = consoleOut;
    }

    /** A line of the script's {@code console}: tagged {@code source=console}, or written to --console-output. */
    public void logConsole(String level, long vuId, String message) {
        if (consoleOut != null) {
            if (level.equals("debug") && !debugEnabled) {
                return;
            }
            String line = LogFormat.LOGFMT.line(level, redactor.apply(message), Map.of());
            synchronized (consoleOut) {
                consoleOut.println(line);
                consoleOut.flush();
            }
            return;
        }
        log(level, vuId, message, Map.of("source", "console"));
    }

    /** Rewrites every later message before it is printed; {@code k6j run} uses it to hide the secrets scripts got. */
    public void redactWith(UnaryOperator<String> redactor) {
        this.redactor = redactor;
    }

    /** Logs one message. {@code level} is debug, info, warn or error; {@code vuId} 0 means no VU. */
    public void log(String level, long vuId, String message) {
        log(level, vuId, message, Map.of());
    }

    /** Logs one message with k6's fields ({@code source=console}), which the terminal form leaves out. */
    public void log(String level, long vuId, String message, Map<String, String> fields) {
        if (level.equals("debug") && !debugEnabled || !severeEnough(level)) {
            return;
        }
        if (format != LogFormat.TEXT) {
            String line = format.line(level, redactor.apply(message), fields);
            synchronized (out) {
                out.println(line);
                out.flush();
            }
            return;
        }
        long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
        String label = switch (level) {
            case "warn" -> "WARN";
            case "error" -> "ERRO";
            case "debug" -> "DEBU";
            default -> "INFO";
        };
        String colored = color ? colorOf(label) + label + "\u001b[0m" : label;
        String prefix = vuId > 0 ? "[VU " + vuId + "] " : "";
        String line = String.format(Locale.ROOT, "%s[%04d] %s%s", colored, seconds, prefix, redactor.apply(message));
        synchronized (out) {
            java.util.function.Supplier<String> below = persistentText;
            String after = below == null ? "" : below.get();
            if (after.isEmpty()) {
                out.println(line);
            } else {
                // On a terminal with live progress: erase the rest of the line, then draw the bars again below it.
                out.print(line + "\u001b[0K\n" + after);
                out.flush();
            }
        }
    }

    /**
     * Text to print after every log line, such as the live progress bars on a terminal (k6's persistent text);
     * {@code null} for none. Called with the stream's lock held.
     */
    public void setPersistentText(java.util.function.Supplier<String> text) {
        this.persistentText = text;
    }

    private boolean severeEnough(String level) {
        return minimumLevel == null || rank(level) >= rank(minimumLevel);
    }

    private static int rank(String level) {
        return switch (level) {
            case "debug" -> 0;
            case "info" -> 1;
            case "warn", "warning" -> 2;
            default -> 3;
        };
    }

    /** Whether {@code debug} lines are shown ({@code --verbose}). */
    public boolean debugEnabled() {
        return debugEnabled;
    }

    private static String colorOf(String label) {
        return switch (label) {
            case "WARN" -> "\u001b[33m";
            case "ERRO" -> "\u001b[31m";
            case "DEBU" -> "\u001b[37m";
            default -> "\u001b[36m";
        };
    }
}
