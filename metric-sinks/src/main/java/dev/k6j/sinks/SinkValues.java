package dev.k6j.sinks;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * An immutable copy of one sink's state ({@link Sink#values()}). Any thread may read it.
 */
public sealed interface SinkValues permits CounterValues, GaugeValues, RateValues, TrendValues {

    /** Whether the sink has received no sample. */
    boolean isEmpty();

    /**
     * The value a threshold compares, as k6 computes it for thresholds; empty where k6 has no value (a rate with no
     * samples, or an aggregation this kind of sink does not have), which k6 treats as a passing threshold.
     *
     * @param aggregation what to compute
     * @param percentile  for {@link Aggregation#PERCENTILE}, N of {@code p(N)} (0 to 100); ignored otherwise
     * @param elapsed     time the test has run, for a counter's {@code rate}
     */
    OptionalDouble aggregate(Aggregation aggregation, double percentile, Duration elapsed);

    /** Per-second rate of {@code amount} over {@code elapsed}; 0 when no time has passed, as k6's summary does. */
    static double perSecond(double amount, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? amount / seconds : 0;
    }
}
