package dev.k6j.engine.embedded;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric (or sub-metric) of a run with its end-of-test values, as the summary shows them.
 *
 * <p>The values per type, as in k6's {@code handleSummary} data: a counter has {@code count} and {@code rate} (per
 * second), a gauge {@code value}, {@code min} and {@code max}, a rate {@code rate}, {@code passes} and
 * {@code fails}, a trend the {@code summaryTrendStats} ({@code avg}, {@code min}, {@code med}, {@code max},
 * {@code p(90)}, {@code p(95)} by default). Times are in milliseconds.
 *
 * @param name     {@code http_req_duration} or {@code http_req_duration{expected_response:true}}
 * @param type     {@code counter}, {@code gauge}, {@code rate} or {@code trend}
 * @param contains {@code default}, {@code time} or {@code data}
 * @param values   the values by name, in the summary's order
 */
public record MetricSummary(String name, String type, String contains, Map<String, Double> values) {

    public MetricSummary {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * One value by its summary name ({@code "count"}, {@code "p(95)"}, …).
     *
     * @throws IllegalArgumentException if this metric has no such value, naming the ones it has
     */
    public double value(String stat) {
        Double value = values.get(stat);
        if (value == null) {
            throw new IllegalArgumentException("metric '" + name + "' (" + type + ") has no value '" + stat
                    + "'; it has " + String.join(", ", values.keySet()));
        }
        return value;
    }

    /** A counter's total. */
    public double count() {
        return value("count");
    }

    /** A rate's share of non-zero samples (0 to 1), or a counter's count per second. */
    public double rate() {
        return value("rate");
    }

    public double avg() {
        return value("avg");
    }

    public double min() {
        return value("min");
    }

    public double max() {
        return value("max");
    }

    public double med() {
        return value("med");
    }

    /** A trend's percentile among the summary's stats: {@code p(95)} for {@code percentile(95)}. */
    public double percentile(double percentile) {
        String number = percentile == Math.rint(percentile) ? String.valueOf((long) percentile)
                : String.valueOf(percentile);
        return value("p(" + number + ")");
    }
}
