package dev.k6j.spi;

import java.util.Locale;

/** The four kinds of k6 metric, with the aggregation each one implies. */
public enum MetricType {
    /** Sums values ({@code count}, {@code rate} per second). */
    COUNTER,
    /** Keeps the last value ({@code value}, plus {@code min} and {@code max}). */
    GAUGE,
    /** Share of non-zero values ({@code rate}, {@code passes}, {@code fails}). */
    RATE,
    /** Statistics of all values ({@code avg}, {@code min}, {@code med}, {@code max}, {@code p(N)}, {@code count}). */
    TREND;

    /** The name k6 uses in JSON: {@code counter}, {@code gauge}, {@code rate}, {@code trend}. */
    public String k6Name() {
        return name().toLowerCase(Locale.ROOT);
    }
}
