package dev.k6j.sinks;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * A rate sink's state.
 *
 * @param passes how many values were non-zero
 * @param total  how many values were added
 */
public record RateValues(long passes, long total) implements SinkValues {

    /** How many values were zero. */
    public long fails() {
        return total - passes;
    }

    /** Share of non-zero values, 0 when there are none. */
    public double rate() {
        return total > 0 ? (double) passes / total : 0;
    }

    @Override
    public boolean isEmpty() {
        return total == 0;
    }

    @Override
    public OptionalDouble aggregate(Aggregation aggregation, double percentile, Duration elapsed) {
        // k6 leaves an empty rate out of the threshold values (grafana/k6#2520), so its thresholds pass.
        if (aggregation != Aggregation.RATE || total == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(rate());
    }
}
