package dev.k6j.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One measured value of a metric at a point in time, with its tags. Immutable.
 *
 * @param metric    the metric
 * @param timeNanos when it was measured, in nanoseconds since the epoch
 * @param value     the value (milliseconds for {@link ValueType#TIME}, bytes for {@link ValueType#DATA},
 *                  1 or 0 for a {@link MetricType#RATE})
 * @param tags      indexed tags (they make sub-metrics and output series)
 * @param metadata  non-indexed metadata (e.g. {@code vu}, {@code iter}); outputs may write it, sinks ignore it
 */
public record Sample(Metric metric, long timeNanos, double value, TagSet tags, TagSet metadata) {

    public Sample {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** When it was measured. */
    public Instant time() {
        return Instant.ofEpochSecond(0, timeNanos);
    }

    /** Now, in nanoseconds since the epoch. */
    public static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
