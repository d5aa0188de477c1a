package dev.k6j.engine.embedded;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One threshold at the end of a run.
 *
 * @param metric      the metric or sub-metric it is defined on
 * @param expression  the expression as written, such as {@code p(95)<200}
 * @param aggregation the expression's left side, such as {@code p(95)}
 * @param passed      whether it held
 * @param observed    the value the expression was tested with, in the expression's unit (milliseconds for times,
 *                    0 to 1 for rates); empty when the metric had no samples, which k6 counts as holding
 * @param unit        {@code ms} when {@code observed} is a time, else empty: for messages
 */
public record ThresholdOutcome(String metric, String expression, String aggregation, boolean passed,
                               OptionalDouble observed, String unit) {

    /** {@code http_req_duration: p(95)<200, observed p(95)=412.3ms}. */
    public String describe() {
        String value = observed.isEmpty() ? "no samples"
                : "observed " + aggregation + "=" + format(observed.getAsDouble()) + unit;
        return metric + ": " + expression + ", " + value;
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
