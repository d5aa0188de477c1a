package dev.k6j.output.prometheus;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as k6 writes them: Go's {@code time.ParseDuration} units ({@code 500ms}, {@code 5s},
 * {@code 1m30s}, {@code 1.5h}) plus {@code d} for days; in JSON a plain number means milliseconds, as in k6's
 * {@code types.NullDuration}. Stateless.
 */
final class GoDurations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h|d)");

    private GoDurations() {
    }

    /**
     * Parses {@code text} such as {@code 5s} or {@code 1m30s}.
     *
     * @throws IllegalArgumentException naming {@code what} when it is not a duration
     */
    static Duration parse(String text, String what) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher part = PART.matcher(value);
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (at < value.length() && part.find(at) && part.start() == at) {
            nanos = nanos.add(new BigDecimal(part.group(1).startsWith(".") ? "0" + part.group(1) : part.group(1))
                    .multiply(BigDecimal.valueOf(nanosPer(part.group(2)))));
            at = part.end();
        }
        if (at == 0 || at != value.length()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a duration: write it like 5s, 500ms"
                    + " or 1m30s");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** A JSON value: a number of milliseconds or a duration string. */
    static Duration fromJson(Object value, String what) {
        if (value instanceof Number number) {
            return Duration.ofNanos(Math.round(number.doubleValue() * 1_000_000));
        }
        return parse(String.valueOf(value), what);
    }

    private static long nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L; // d
        };
    }
}
