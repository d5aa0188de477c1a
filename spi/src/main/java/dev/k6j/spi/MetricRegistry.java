package dev.k6j.spi;

import java.util.Collection;
import java.util.Optional;

/**
 * The metrics of one test run. Thread-safe.
 */
public interface MetricRegistry {

    /**
     * Returns the metric of that name, creating it the first time. Asking again with the same type and
     * value type returns the same metric.
     *
     * @throws IllegalArgumentException if the name is invalid, or the metric exists with another type
     */
    Metric register(String name, MetricType type, ValueType valueType);

    /** Same as {@link #register(String, MetricType, ValueType)} with {@link ValueType#DEFAULT}. */
    default Metric register(String name, MetricType type) {
        return register(name, type, ValueType.DEFAULT);
    }

    /** The metric of that name, if registered. */
    Optional<Metric> get(String name);

    /** All registered metrics. */
    Collection<Metric> all();
}
