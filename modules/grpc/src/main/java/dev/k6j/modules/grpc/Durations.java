package dev.k6j.modules.grpc;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses k6 duration values as the gRPC params take them: a number of milliseconds ({@code 3000}, {@code 400.5}) or
 * a Go duration string ({@code "1h3s"}, {@code "500ms"}, {@code "1.5s"}).
 */
final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

    private Durations() {
    }

    /**
     * The duration {@code value} stands for.
     *
     * @throws GrpcException with k6's message for a value that is not a duration
     */
    static Duration parse(Object value) {
        if (value instanceof Number number) {
            return Duration.ofNanos(Math.round(number.doubleValue() * 1_000_000));
        }
        if (value instanceof String text) {
            return parseGo(text);
        }
        String type = value == null ? "null" : value instanceof Boolean ? "bool" : value.getClass().getSimpleName();
        throw new GrpcException("unable to use type " + type + " as a duration value");
    }

    private static Duration parseGo(String text) {
        String rest = text;
        boolean negative = false;
        if (rest.startsWith("-") || rest.startsWith("+")) {
            negative = rest.startsWith("-");
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return Duration.ZERO;
        }
        Matcher part = PART.matcher(rest);
        double nanos = 0;
        int at = 0;
        while (at < rest.length() && part.find(at) && part.start() == at) {
            nanos += Double.parseDouble(part.group(1)) * unitNanos(part.group(2));
            at = part.end();
        }
        if (at == 0 || at != rest.length()) {
            throw new GrpcException("time: invalid duration \"" + text + "\"");
        }
        Duration duration = Duration.ofNanos(Math.round(nanos));
        return negative ? duration.negated() : duration;
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }
}
