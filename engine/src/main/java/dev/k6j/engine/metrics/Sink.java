package dev.k6j.engine.metrics;

import dev.k6j.spi.MetricType;

/**
 * Aggregates the values of one metric or sub-metric, as k6's {@code metrics.Sink} does. Owned by the metrics
 * engine's ingester thread; other threads see sinks only through {@link #values()} copies. Public so that outputs
 * which aggregate for themselves (the web dashboard) compute the summary's very numbers; one thread per sink.
 */
public sealed interface Sink permits CounterSink, GaugeSink, RateSink, TrendSink {

    /** Adds one sample value. */
    void add(double value);

    /** Whether no value was added yet. */
    boolean isEmpty();

    /** An immutable copy of the current state. */
    SinkValues values();

    /** A new, empty sink for a metric of that type. */
    static Sink of(MetricType type) {
        return switch (type) {
            case COUNTER -> new CounterSink();
            case GAUGE -> new GaugeSink();
            case RATE -> new RateSink();
            case TREND -> new TrendSink();
        };
    }
}
