package dev.k6j.sinks;

import dev.k6j.spi.MetricType;

/**
 * Aggregates the values of one metric or sub-metric, as k6's {@code metrics.Sink} does: the engine's metrics engine
 * aggregates with these sinks for the end-of-test summary and thresholds, and an output that aggregates for itself
 * (the web dashboard) uses them to show the summary's very numbers.
 *
 * <pre>{@code
 * Sink sink = Sink.of(sample.metric().type());
 * sink.add(sample.value());
 * if (sink.values() instanceof TrendValues trend) { double p95 = trend.percentile(95); }
 * }</pre>
 *
 * <p>Threads: a sink is not thread-safe; one thread owns it (the engine's ingester, an output's flusher). Other
 * threads see it only through {@link #values()} copies, which are immutable.
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
