package dev.k6j.sinks;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * A counter sink's state.
 *
 * @param sum     the sum of all values (k6's {@code count})
 * @param samples how many samples were added
 */
public record CounterValues(double sum, long samples) implements SinkValues {

    @Override
    public boolean isEmpty() {
        return samples == 0;
    }

    /** The sum per second of {@code elapsed}. */
    public double rate(Duration elapsed) {
        return SinkValues.perSecond(sum, elapsed);
    }

    @Override
    public OptionalDouble aggregate(Aggregation aggregation, double percentile, Duration elapsed) {
        return switch (aggregation) {
            case COUNT -> OptionalDouble.of(sum);
            case RATE -> OptionalDouble.of(rate(elapsed));
            default -> OptionalDouble.empty();
        };
    }
}
