package dev.k6j.engine.metrics;

import java.util.List;
import java.util.Objects;

/**
 * The thresholds of one metric or sub-metric, in the order written. Immutable.
 *
 * @param optionKey  the key as written in the {@code thresholds} option
 * @param key        the metric or sub-metric it names
 * @param thresholds its thresholds
 */
public record MetricThresholds(String optionKey, MetricKey key, List<Threshold> thresholds) {

    public MetricThresholds {
        Objects.requireNonNull(optionKey, "optionKey");
        Objects.requireNonNull(key, "key");
        thresholds = List.copyOf(thresholds);
    }
}
