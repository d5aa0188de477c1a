package dev.k6j.engine.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The outcome of evaluating all thresholds once. Immutable; any thread may read it.
 *
 * @param results every threshold's outcome, metric by metric in the order the option lists them
 */
public record ThresholdResults(List<ThresholdResult> results) {

    public ThresholdResults {
        results = List.copyOf(results);
    }

    /** No thresholds. */
    public static ThresholdResults none() {
        return new ThresholdResults(List.of());
    }

    /** Whether any threshold failed (the run then ends with exit code 99). */
    public boolean anyFailed() {
        return results.stream().anyMatch(result -> !result.ok());
    }

    /** Whether the run must stop now: a failed {@code abortOnFail} threshold whose {@code delayAbortEval} passed. */
    public boolean abort() {
        return results.stream().anyMatch(ThresholdResult::abort);
    }

    /** Names of the metrics with a failed threshold, sorted, as k6 lists them. */
    public List<String> failedMetrics() {
        TreeSet<String> names = new TreeSet<>();
        results.stream().filter(result -> !result.ok()).forEach(result -> names.add(result.metric()));
        return List.copyOf(names);
    }

    /** Per metric or sub-metric name, each expression and whether it holds, in the order written. */
    public Map<String, Map<String, Boolean>> okByMetric() {
        Map<String, Map<String, Boolean>> byMetric = new LinkedHashMap<>();
        for (ThresholdResult result : results) {
            byMetric.computeIfAbsent(result.metric(), m -> new LinkedHashMap<>()).merge(result.source(), result.ok(),
                    Boolean::logicalAnd);
        }
        return byMetric;
    }

    /** The expressions of one metric or sub-metric and whether each holds; empty if it has no thresholds. */
    public Map<String, Boolean> forMetric(String name) {
        return okByMetric().getOrDefault(name, Map.of());
    }

    /** k6's message when thresholds abort the run, if they do. */
    public Optional<String> abortMessage() {
        if (!abort()) {
            return Optional.empty();
        }
        return Optional.of("thresholds on metrics '" + String.join(", ", failedMetrics())
                + "' were crossed; at least one has abortOnFail enabled, stopping test prematurely");
    }
}
