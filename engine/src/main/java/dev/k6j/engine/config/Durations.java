package dev.k6j.engine.config;

import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses k6 durations: Go-style strings ({@code "1h2m3s"}, {@code "500ms"}, {@code "1.5s"}, {@code "10us"}),
 * or plain numbers, which k6 reads as milliseconds.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h|d)");

    private Durations() {
    }

    /** Parses a duration option value; {@code what} names the option in the error message. */
    public static Duration parse(Object value, String what) {
        if (value instanceof Number number) {
            return Duration.ofNanos(Math.round(number.doubleValue() * 1_000_000));
        }
        String text = String.valueOf(value).trim();
        if (text.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofNanos(Math.round(Double.parseDouble(text) * 1_000_000));
        }
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        Matcher m = PART.matcher(body);
        long nanos = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw invalid(text, what);
            }
            nanos += Math.round(Double.parseDouble(m.group(1)) * unitNanos(m.group(2)));
            end = m.end();
        }
        if (end == 0 || end != body.length()) {
            throw invalid(text, what);
        }
        return Duration.ofNanos(negative ? -nanos : nanos);
    }

    /** Formats like k6 does in its summary and progress: {@code 1m30s}, {@code 500ms}, {@code 2h0m0s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        double seconds = duration.toSecondsPart() + duration.toMillisPart() / 1000.0;
        String secondsText = seconds == Math.floor(seconds) ? String.valueOf((long) seconds) : trim(seconds);
        if (hours > 0) {
            return hours + "h" + minutes + "m" + secondsText + "s";
        }
        if (minutes > 0) {
            return minutes + "m" + secondsText + "s";
        }
        return secondsText + "s";
    }

    private static String trim(double seconds) {
        String text = String.format(java.util.Locale.ROOT, "%.3f", seconds);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            case "d" -> 86400e9;
            default -> throw new IllegalStateException(unit);
        };
    }

    private static K6jException invalid(String text, String what) {
        return K6jException.invalidConfig("invalid duration '" + text + "' for " + what
                + ": use a number with a unit, such as 500ms, 30s, 1m30s or 2h");
    }
}
