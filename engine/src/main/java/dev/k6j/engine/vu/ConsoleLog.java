package dev.k6j.engine.vu;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Prints log lines the way k6 does on a terminal, {@code INFO[0003] message}, with the VU that logged them.
 * Thread-safe: lines from many VUs never interleave.
 */
public final class ConsoleLog {

    private final PrintStream out;
    private final boolean debugEnabled;
    private final boolean color;
    private final long startNanos = System.nanoTime();
    private volatile UnaryOperator<String> redactor = UnaryOperator.identity();
    private volatile java.util.function.Supplier<String> persistentText;

    public ConsoleLog(PrintStream out, boolean debugEnabled, boolean color) {
        this.out = out;
        this.debugEnabled = debugEnabled;
        this.color = color;
    }

    /** Rewrites every later message before it is printed; k6/secrets uses it to hide secret values. */
    public void redactWith(UnaryOperator<String> redactor) {
        this.redactor = redactor;
    }

    /** Logs one message. {@code level} is debug, info, warn or error; {@code vuId} 0 means no VU. */
    public void log(String level, long vuId, String message) {
        if (level.equals("debug") && !debugEnabled) {
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
