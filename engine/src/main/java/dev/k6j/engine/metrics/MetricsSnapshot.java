package dev.k6j.engine.metrics;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A consistent copy of every sink, taken by {@link MetricsEngine#snapshot()} between two batches. Immutable; any
 * thread may read it.
 *
 * <p>It holds the <em>observed</em> metrics, as k6 does: those that received at least one sample, plus those (and
 * their sub-metrics) that have thresholds, which show in the summary even without samples.
 *
 * @param metrics    observed metrics and sub-metrics by name, in the order they were first observed
 * @param groupPaths the group paths seen in samples ({@code ::a}, {@code ::a::b}), in order of first appearance;
 *                   the root group {@code ""} is implied and not listed
 * @param checks     every check by group and name, in order of first appearance
 */
public record MetricsSnapshot(Map<String, MetricSnapshot> metrics, List<String> groupPaths, List<CheckCount> checks) {

    public MetricsSnapshot {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        groupPaths = List.copyOf(groupPaths);
        checks = List.copyOf(checks);
    }

    /** A snapshot with nothing in it. */
    public static MetricsSnapshot empty() {
        return new MetricsSnapshot(Map.of(), List.of(), List.of());
    }

    /** The metric or sub-metric of that name, if observed. */
    public Optional<MetricSnapshot> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /**
     * The metric or sub-metric a threshold key names: by name, or else a sub-metric of the same parent with the same
     * tag filter written differently ({@code {a:"1"}} for {@code {a:1}}).
     */
    public Optional<MetricSnapshot> find(MetricKey key) {
        MetricSnapshot byName = metrics.get(key.name());
        if (byName != null) {
            return Optional.of(byName);
        }
        return metrics.values().stream()
                .filter(m -> m.key().parent().equals(key.parent()) && m.key().filter().equals(key.filter()))
                .findFirst();
    }

    /** All observed metrics and sub-metrics. */
    public Collection<MetricSnapshot> all() {
        return metrics.values();
    }
}
