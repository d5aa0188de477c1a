package dev.k6j.engine.metrics;

import dev.k6j.sinks.Sink;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricRegistry;
import dev.k6j.spi.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sinks of a test run: one per metric and one per sub-metric, created on a metric's first sample, plus the check
 * and group tallies the summary needs. A metric is <em>observed</em> (shown in the summary) once it got a sample, or
 * from the start when a threshold names it, as in k6's metrics engine.
 *
 * <p>Threads: {@link #defineSubmetric} and {@link #observe} are called before the ingester starts; {@link #add} on
 * the ingester thread; {@link #snapshot} from any thread, but never at the same time as {@link #add} (the
 * {@link MetricsEngine} holds a lock around both).
 */
final class ObservedMetrics {

    static final String CHECKS_METRIC = "checks";
    static final String GROUP_TAG = "group";
    static final String CHECK_TAG = "check";

    private static final class SubmetricSink {
        final MetricKey key;
        final Sink sink;

        SubmetricSink(MetricKey key, Sink sink) {
            this.key = key;
            this.sink = sink;
        }
    }

    private static final class MetricSinks {
        final Metric metric;
        final Sink sink;
        final List<SubmetricSink> submetrics = new ArrayList<>();

        MetricSinks(Metric metric) {
            this.metric = metric;
            this.sink = Sink.of(metric.type());
        }
    }

    private record Observed(MetricKey key, Metric metric, Sink sink) {
    }

    private final MetricRegistry registry;
    private final Map<String, MetricSinks> byName = new HashMap<>();
    private final Map<String, List<MetricKey>> submetricKeys = new HashMap<>();
    private final Set<String> observedFromStart = new LinkedHashSet<>();
    private final Map<String, Observed> observed = new LinkedHashMap<>();
    private final GroupPaths groupPaths = new GroupPaths();
    private final CheckTally checks = new CheckTally();

    ObservedMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * Declares a sub-metric, whose sink is created with its parent's. A second key with the same parent and tag
     * filter (say {@code {a:"1"}} after {@code {a:1}}) shares the first one's sink, as in k6.
     */
    void defineSubmetric(MetricKey key) {
        if (!key.isSubmetric() || findDefinition(key).isPresent()) {
            return;
        }
        submetricKeys.computeIfAbsent(key.parent(), p -> new ArrayList<>()).add(key);
        MetricSinks existing = byName.get(key.parent());
        if (existing != null) {
            existing.submetrics.add(new SubmetricSink(key, Sink.of(existing.metric.type())));
        }
    }

    /** Marks a metric or sub-metric, and a sub-metric's parent, observed even before it gets samples. */
    void observe(MetricKey key) {
        observedFromStart.add(key.parent());
        observedFromStart.add(findDefinition(key).orElse(key).name());
    }

    /** Adds one sample to its metric's sink and to the sinks of the sub-metrics whose filter its tags match. */
    void add(Sample sample) {
        MetricSinks sinks = byName.get(sample.metric().name());
        if (sinks == null) {
            sinks = create(sample.metric());
        }
        sinks.sink.add(sample.value());
        markObserved(MetricKey.of(sinks.metric.name()), sinks.metric, sinks.sink);
        for (SubmetricSink submetric : sinks.submetrics) {
            if (sample.tags().containsAll(submetric.key.filter())) {
                submetric.sink.add(sample.value());
                markObserved(submetric.key, sinks.metric, submetric.sink);
            }
        }
        String group = sample.tags().get(GROUP_TAG);
        if (group != null) {
            groupPaths.add(group);
        }
        if (CHECKS_METRIC.equals(sinks.metric.name())) {
            String check = sample.tags().get(CHECK_TAG);
            if (check != null) {
                checks.add(group == null ? "" : group, check, sample.value() != 0);
            }
        }
    }

    MetricsSnapshot snapshot() {
        Map<String, MetricSnapshot> metrics = new LinkedHashMap<>();
        observed.forEach((name, entry) ->
                metrics.put(name, new MetricSnapshot(entry.key(), entry.metric(), entry.sink().values())));
        for (String name : observedFromStart) {
            if (!metrics.containsKey(name)) {
                emptySnapshot(name).ifPresent(snapshot -> metrics.put(name, snapshot));
            }
        }
        return new MetricsSnapshot(metrics, groupPaths.snapshot(), checks.snapshot());
    }

    private MetricSinks create(Metric metric) {
        MetricSinks sinks = new MetricSinks(metric);
        for (MetricKey key : submetricKeys.getOrDefault(metric.name(), List.of())) {
            sinks.submetrics.add(new SubmetricSink(key, Sink.of(metric.type())));
        }
        byName.put(metric.name(), sinks);
        markObservedIfThresholded(MetricKey.of(metric.name()), metric, sinks.sink);
        for (SubmetricSink submetric : sinks.submetrics) {
            markObservedIfThresholded(submetric.key, metric, submetric.sink);
        }
        return sinks;
    }

    private void markObservedIfThresholded(MetricKey key, Metric metric, Sink sink) {
        if (observedFromStart.contains(key.name())) {
            markObserved(key, metric, sink);
        }
    }

    private void markObserved(MetricKey key, Metric metric, Sink sink) {
        if (!observed.containsKey(key.name())) {
            observed.put(key.name(), new Observed(key, metric, sink));
        }
    }

    /** A thresholded metric that has had no sample yet: empty values, if its metric is registered. */
    private Optional<MetricSnapshot> emptySnapshot(String name) {
        MetricKey key = definitionNamed(name).orElse(MetricKey.of(name));
        return registry.get(key.parent())
                .map(metric -> new MetricSnapshot(key, metric, Sink.of(metric.type()).values()));
    }

    private Optional<MetricKey> findDefinition(MetricKey key) {
        return submetricKeys.getOrDefault(key.parent(), List.of()).stream()
                .filter(defined -> defined.filter().equals(key.filter()))
                .findFirst();
    }

    private Optional<MetricKey> definitionNamed(String name) {
        return submetricKeys.values().stream().flatMap(List::stream)
                .filter(defined -> defined.name().equals(name))
                .findFirst();
    }
}
