package dev.k6j.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text read as k6 and Go read it, for options, environment variables and script parameters: durations
 * ({@code 500ms}, {@code 1m30s}, {@code 2d}; a plain number means milliseconds) and booleans ({@code 1}, {@code t},
 * {@code true}, …). One implementation for the engine and every extension, so {@code pushInterval=5s} means the
 * same everywhere. Stateless.
 *
 * <pre>{@code
 * Duration interval = GoValues.durationValue(json.get("pushInterval"));   // 5000 → 5 s, "5s" → 5 s
 * boolean insecure = GoValues.parseBool(env.get("K6_X_INSECURE")).orElseThrow(...);
 * }</pre>
 */
public final class GoValues {

    /** A number as Go's {@code strconv.ParseFloat} takes it (without hex, inf and NaN, which no option means). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private GoValues() {
    }

    /**
     * A duration as Go's {@code time.ParseDuration} reads it: a sign, then numbers with units {@code ns},
     * {@code us} ({@code µs}, {@code μs}), {@code ms}, {@code s}, {@code m}, {@code h}, such as {@code 1h2m3.5s};
     * {@code 0} alone needs no unit.
     *
     * @throws IllegalArgumentException with Go's message, e.g. {@code time: invalid duration "soon"}
     */
    public static Duration parseGoDuration(String text) {
        String rest = text;
        boolean negative = false;
        if (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
            negative = rest.charAt(0) == '-';
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return Duration.ZERO;
        }
        if (rest.isEmpty()) {
            throw invalid(text);
        }
        double nanos = 0;
        int at = 0;
        while (at < rest.length()) {
            int start = at;
            while (at < rest.length() && Character.isDigit(rest.charAt(at))) {
                at++;
            }
            boolean whole = at > start;
            if (at < rest.length() && rest.charAt(at) == '.') {
                at++;
            }
            int fractionStart = at;
            while (at < rest.length() && Character.isDigit(rest.charAt(at))) {
                at++;
            }
            if (!whole && at == fractionStart) {
                throw invalid(text);
            }
            String number = rest.substring(start, at);
            int unitStart = at;
            while (at < rest.length() && rest.charAt(at) != '.' && !Character.isDigit(rest.charAt(at))) {
                at++;
            }
            String unit = rest.substring(unitStart, at);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
            }
            double per = nanosPer(unit);
            if (per == 0) {
                throw new IllegalArgumentException("time: unknown unit " + quote(unit) + " in duration "
                        + quote(text));
            }
            nanos += Double.parseDouble(number.startsWith(".") ? "0" + number : number) * per;
        }
        Duration duration = Duration.ofNanos(Math.round(nanos));
        return negative ? duration.negated() : duration;
    }

    /**
     * A duration as k6 reads it ({@code types.ParseExtendedDuration}): a plain number is milliseconds
     * ({@code 500}, {@code 1.5}), a whole number of days may lead ({@code 2d}, {@code 1d12h}), the rest is Go's
     * {@link #parseGoDuration}.
     *
     * @throws IllegalArgumentException with Go's message
     */
    public static Duration parseDuration(String text) {
        if (NUMBER.matcher(text).matches()) {
            return Duration.ofNanos(Math.round(Double.parseDouble(text) * 1_000_000));
        }
        int days = text.indexOf('d');
        if (days < 0) {
            return parseGoDuration(text);
        }
        Duration hours = Duration.ZERO;
        if (days + 1 < text.length()) {
            hours = parseGoDuration(text.substring(days + 1));
            if (hours.isNegative()) {
                throw new IllegalArgumentException("invalid time format '" + text.substring(days + 1) + "'");
            }
        }
        long count;
        try {
            count = Long.parseLong(text.substring(0, days));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strconv.ParseInt: parsing " + quote(text.substring(0, days))
                    + ": invalid syntax");
        }
        return Duration.ofDays(count).plus(count < 0 ? hours.negated() : hours);
    }

    /**
     * A duration option's value as k6 takes it from JSON or a script ({@code types.GetDurationValue}): a number is
     * milliseconds, a string is read by {@link #parseDuration}, a {@link Duration} is itself.
     *
     * @throws IllegalArgumentException for other types ({@code unable to use type bool as a duration value}) and
     *                                  for strings that are not durations
     */
    public static Duration durationValue(Object value) {
        return switch (value) {
            case Duration duration -> duration;
            case Number number -> Duration.ofNanos(Math.round(number.doubleValue() * 1_000_000));
            case String text -> parseDuration(text);
            case null -> throw new IllegalArgumentException("unable to use type null as a duration value");
            default -> throw new IllegalArgumentException("unable to use type "
                    + (value instanceof Boolean ? "bool" : value.getClass().getSimpleName()) + " as a duration value");
        };
    }

    /**
     * A boolean as Go's {@code strconv.ParseBool} reads it: {@code 1 t T true TRUE True} and
     * {@code 0 f F false FALSE False}; anything else is empty.
     */
    public static Optional<Boolean> parseBool(String text) {
        return switch (text) {
            case "1", "t", "T", "true", "TRUE", "True" -> Optional.of(Boolean.TRUE);
            case "0", "f", "F", "false", "FALSE", "False" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> 0;
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration " + quote(text));
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
