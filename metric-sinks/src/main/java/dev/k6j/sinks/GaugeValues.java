package dev.k6j.sinks;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * A gauge sink's state.
 *
 * @param value   the last value added
 * @param min     the smallest value
 * @param max     the largest value, starting from 0 as k6's {@code GaugeSink} does
 * @param samples how many samples were added
 */
public record GaugeValues(double value, double min, double max, long samples) implements SinkValues {

    @Override
    public boolean isEmpty() {
        return samples == 0;
    }

    @Override
    public OptionalDouble aggregate(Aggregation aggregation, double percentile, Duration elapsed) {
        return aggregation == Aggregation.VALUE ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
