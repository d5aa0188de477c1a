package dev.k6j.engine.metrics;

import dev.k6j.sinks.SinkValues;
import dev.k6j.spi.Metric;
import java.util.Objects;

/**
 * One observed metric or sub-metric at the time of a snapshot. Immutable.
 *
 * @param key    its name and, for a sub-metric, the parent and the tag filter
 * @param metric the metric the samples come from (for a sub-metric, the parent), giving type and value type
 * @param values the sink's state
 */
public record MetricSnapshot(MetricKey key, Metric metric, SinkValues values) {

    public MetricSnapshot {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(values, "values");
    }

    /** {@code http_req_duration} or {@code http_req_duration{expected_response:true}}. */
    public String name() {
        return key.name();
    }

    public boolean isSubmetric() {
        return key.isSubmetric();
    }
}
