package dev.k6j.sinks;

import dev.k6j.spi.MetricType;
import java.util.Optional;

/**
 * The left-hand side of a threshold expression: which aggregate of a sink to compare. Which metric type supports
 * which aggregation is k6's rule ({@code MetricType.supportedAggregationMethods}).
 */
public enum Aggregation {
    COUNT("count"),
    RATE("rate"),
    VALUE("value"),
    AVG("avg"),
    MIN("min"),
    MAX("max"),
    MED("med"),
    /** {@code p(N)}: the N-th percentile, N from 0 to 100. */
    PERCENTILE("p(N)");

    private final String token;

    Aggregation(String token) {
        this.token = token;
    }

    /** How it is written in an expression ({@code p(N)} for percentiles). */
    public String token() {
        return token;
    }

    /** The keyword aggregation named {@code token}; percentiles are parsed separately. */
    public static Optional<Aggregation> ofKeyword(String token) {
        for (Aggregation aggregation : values()) {
            if (aggregation != PERCENTILE && aggregation.token.equals(token)) {
                return Optional.of(aggregation);
            }
        }
        return Optional.empty();
    }

    /** Whether a metric of this type can be thresholded with this aggregation. */
    public boolean supportedBy(MetricType type) {
        return switch (type) {
            case COUNTER -> this == COUNT || this == RATE;
            case GAUGE -> this == VALUE;
            case RATE -> this == RATE;
            case TREND -> this == AVG || this == MIN || this == MAX || this == MED || this == PERCENTILE;
        };
    }

    /** The aggregations a metric type supports, as a readable list. */
    public static String supportedList(MetricType type) {
        return switch (type) {
            case COUNTER -> "count, rate";
            case GAUGE -> "value";
            case RATE -> "rate";
            case TREND -> "avg, min, max, med, p(N)";
        };
    }
}
