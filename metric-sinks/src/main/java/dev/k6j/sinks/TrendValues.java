package dev.k6j.sinks;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * A trend sink's state. Immutable; any thread may read it.
 *
 * <p>Percentiles follow k6's {@code TrendSink.P}: the rank {@code p/100 * (count - 1)} is interpolated linearly
 * between the two values around it. With up to {@value TrendSink#EXACT_LIMIT} values they are exact; above that the
 * values come from an HdrHistogram and are within 3 significant digits (and never outside min..max).
 * An empty trend reports 0 for everything, as k6 does.
 */
public final class TrendValues implements SinkValues {

    private final long count;
    private final double sum;
    private final double min;
    private final double max;
    private final TrendDistribution distribution;

    TrendValues(long count, double sum, double min, double max, TrendDistribution distribution) {
        this.count = count;
        this.sum = sum;
        this.min = min;
        this.max = max;
        this.distribution = distribution;
    }

    /** How many values were added. */
    public long count() {
        return count;
    }

    /** The sum of all values. */
    public double sum() {
        return sum;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The mean, 0 when empty. */
    public double avg() {
        return count > 0 ? sum / count : 0;
    }

    /** The median, {@code p(50)}. */
    public double med() {
        return percentile(50);
    }

    /** {@code p(N)} for N from 0 to 100; 0 when empty. */
    public double percentile(double n) {
        if (count == 0) {
            return 0;
        }
        if (count == 1) {
            return min;
        }
        double rank = n / 100 * (count - 1.0);
        long below = (long) Math.floor(rank);
        long above = (long) Math.ceil(rank);
        double low = clamp(distribution.valueAtRank(below));
        double high = above == below ? low : clamp(distribution.valueAtRank(above));
        return low + (high - low) * (rank - below);
    }

    @Override
    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    public OptionalDouble aggregate(Aggregation aggregation, double percentile, Duration elapsed) {
        return switch (aggregation) {
            case AVG -> OptionalDouble.of(avg());
            case MIN -> OptionalDouble.of(min);
            case MAX -> OptionalDouble.of(max);
            case MED -> OptionalDouble.of(med());
            case PERCENTILE -> OptionalDouble.of(percentile(percentile));
            default -> OptionalDouble.empty();
        };
    }

    private double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }

    @Override
    public String toString() {
        return "TrendValues[count=" + count + ", avg=" + avg() + ", min=" + min + ", max=" + max + "]";
    }
}
