package dev.k6j.engine.metrics;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricRegistry;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.ValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of one test run, in registration order. Thread-safe: modules register metrics from VU threads
 * (usually in the init stage), the metrics engine and thresholds read them from anywhere.
 */
public final class MetricRegistryImpl implements MetricRegistry {

    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    public MetricRegistryImpl() {
    }

    @Override
    public synchronized Metric register(String name, MetricType type, ValueType valueType) {
        if (!Metric.isValidName(name)) {
            throw new IllegalArgumentException("invalid metric name '" + name + "': a metric name is 1 to 128"
                    + " letters, digits, spaces and ._!?/&#()<>%- characters");
        }
        Metric existing = metrics.get(name);
        if (existing == null) {
            Metric metric = new Metric(name, type, valueType);
            metrics.put(name, metric);
            return metric;
        }
        if (existing.type() != type || existing.valueType() != valueType) {
            throw new IllegalArgumentException("metric '" + name + "' already exists as " + describe(existing)
                    + "; it cannot be registered again as " + type.k6Name() + " (" + valueType.k6Name() + ")");
        }
        return existing;
    }

    @Override
    public synchronized Optional<Metric> get(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    @Override
    public synchronized Collection<Metric> all() {
        return List.copyOf(new ArrayList<>(metrics.values()));
    }

    private static String describe(Metric metric) {
        return metric.type().k6Name() + " (" + metric.valueType().k6Name() + ")";
    }
}
