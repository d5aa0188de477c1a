package dev.k6j.spi;

import java.util.List;
import java.util.Map;

/**
 * An {@link Output} that wants to follow the thresholds while the test runs: each time the engine evaluates them
 * (every 2 seconds during the test, and once more at the end) it passes the outcome. Thresholds are named as in
 * the {@code thresholds} option: metric or sub-metric name ({@code http_req_duration{status:200}}) to its
 * expressions. A test without thresholds (or with {@code --no-thresholds}) sends nothing.
 */
public interface WithThresholdResults {

    /**
     * The outcome of one evaluation: metric or sub-metric name to each expression and whether it holds, in the order
     * the option lists them (unmodifiable). Called from the engine's clock thread while the test runs and from the
     * runner's thread at the end; calls never overlap. Must return quickly.
     */
    void setThresholdResults(Map<String, Map<String, Boolean>> results);

    /** The names of the metrics (or sub-metrics) with a failed expression, and those expressions, from a result. */
    static Map<String, List<String>> failures(Map<String, Map<String, Boolean>> results) {
        Map<String, List<String>> failed = new java.util.LinkedHashMap<>();
        results.forEach((metric, expressions) -> expressions.forEach((source, ok) -> {
            if (!ok) {
                failed.computeIfAbsent(metric, m -> new java.util.ArrayList<>()).add(source);
            }
        }));
        return failed;
    }
}
