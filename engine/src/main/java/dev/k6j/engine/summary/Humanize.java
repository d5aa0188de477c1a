package dev.k6j.engine.summary;

import java.util.Map;

/**
 * How k6's text summary shows values (its {@code humanizeValue}, {@code humanizeBytes} and
 * {@code humanizeDuration}): rates as truncated percentages, data in decimal units ({@code kB}, {@code MB}), times in
 * {@code ns}/{@code µs}/{@code ms}/{@code s}/{@code m}/{@code h} or in the fixed {@code summaryTimeUnit}, other numbers
 * with up to 6 decimals. Stateless.
 */
final class Humanize {

    private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private record TimeUnit(String unit, double coefficient) {
    }

    private static final Map<String, TimeUnit> TIME_UNITS = Map.of(
            "s", new TimeUnit("s", 0.001),
            "ms", new TimeUnit("ms", 1),
            "us", new TimeUnit("µs", 1000));

    private Humanize() {
    }

    /**
     * A value of a metric.
     *
     * @param value    the number (milliseconds for time metrics, bytes for data metrics)
     * @param type     the metric type as k6 names it ({@code rate} is shown as a percentage)
     * @param contains the value type ({@code data}, {@code time}, {@code default})
     * @param timeUnit {@code s}, {@code ms}, {@code us}, or empty to pick a unit per value
     */
    static String value(double value, String type, String contains, String timeUnit) {
        if ("rate".equals(type)) {
            // k6 truncates instead of rounding when it cuts to 2 decimals
            return JsNumbers.toFixed(JsNumbers.trunc(value * 100 * 100) / 100, 2) + "%";
        }
        return switch (contains) {
            case "data" -> bytes(value);
            case "time" -> duration(value, timeUnit);
            default -> JsNumbers.toFixedNoTrailingZeros(value, 6);
        };
    }

    /** Bytes in decimal units: {@code 5 B}, {@code 15 B}, {@code 1.1 kB}, {@code 11 kB}, {@code 2.5 MB}. */
    static String bytes(double bytes) {
        if (bytes < 10) {
            return JsNumbers.toString(bytes) + " B";
        }
        // StrictMath: the fdlibm logarithm JavaScript engines use, so unit boundaries fall where k6's do
        int exponent = (int) Math.floor(StrictMath.log(bytes) / StrictMath.log(1000));
        exponent = Math.min(exponent, BYTE_UNITS.length - 1);
        double value = Math.floor(bytes / Math.pow(1000, exponent) * 10 + 0.5) / 10;
        return JsNumbers.toFixed(value, value < 10 ? 1 : 0) + " " + BYTE_UNITS[exponent];
    }

    /** A duration in milliseconds, in {@code timeUnit} if it is {@code s}, {@code ms} or {@code us}. */
    static String duration(double millis, String timeUnit) {
        TimeUnit unit = timeUnit == null ? null : TIME_UNITS.get(timeUnit);
        if (unit != null) {
            return JsNumbers.toFixed(millis * unit.coefficient(), 2) + unit.unit();
        }
        return genericDuration(millis);
    }

    /** k6's {@code humanizeGenericDuration}: {@code 0s}, {@code 850ns}, {@code 12.5µs}, {@code 1.23ms}, {@code 1m5s}. */
    static String genericDuration(double millis) {
        if (millis == 0) {
            return "0s";
        }
        if (millis < 0.001) {
            return JsNumbers.toString(JsNumbers.trunc(millis * 1_000_000)) + "ns";
        }
        if (millis < 1) {
            return JsNumbers.toFixedNoTrailingZerosTrunc(millis * 1000, 2) + "µs";
        }
        if (millis < 1000) {
            return JsNumbers.toFixedNoTrailingZerosTrunc(millis, 2) + "ms";
        }
        String result = JsNumbers.toFixedNoTrailingZerosTrunc((millis % 60000) / 1000, millis > 60000 ? 0 : 2) + "s";
        double rest = JsNumbers.trunc(millis / 60000);
        if (rest < 1) {
            return result;
        }
        result = JsNumbers.toString(rest % 60) + "m" + result;
        rest = JsNumbers.trunc(rest / 60);
        if (rest < 1) {
            return result;
        }
        return JsNumbers.toString(rest) + "h" + result;
    }
}
