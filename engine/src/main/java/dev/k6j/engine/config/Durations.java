package dev.k6j.engine.config;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.spi.GoValues;
import java.time.Duration;

/**
 * Parses k6 durations with the SPI's {@link GoValues} (the one implementation extensions use too): Go-style strings
 * ({@code "1h2m3s"}, {@code "500ms"}, {@code "1.5s"}, {@code "10us"}, {@code "2d"}), or plain numbers, which k6 reads
 * as milliseconds; and formats them as k6 prints them.
 */
public final class Durations {

    private Durations() {
    }

    /** Parses a duration option value; {@code what} names the option in the error message. */
    public static Duration parse(Object value, String what) {
        try {
            return GoValues.durationValue(value instanceof Number ? value : String.valueOf(value).trim());
        } catch (IllegalArgumentException e) {
            throw invalid(String.valueOf(value).trim(), what);
        }
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

    private static K6jException invalid(String text, String what) {
        return K6jException.invalidConfig("invalid duration '" + text + "' for " + what
                + ": use a number with a unit, such as 500ms, 30s, 1m30s or 2h");
    }
}
