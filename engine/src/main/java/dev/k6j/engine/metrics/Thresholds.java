package dev.k6j.engine.metrics;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.sinks.Aggregation;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * All thresholds of a test run, from the {@code thresholds} option (see {@link ThresholdParser}). Immutable; any
 * thread may evaluate them.
 *
 * <pre>{@code
 * Thresholds thresholds = ThresholdParser.parse(options.get("thresholds"));   // syntax errors: exit 104
 * // after the init context ran, all metrics are registered:
 * thresholds.validate(registry);                                           // unknown metric, bad aggregation
 * metricsEngine.setThresholds(thresholds);
 * // every ~2 s:  if (thresholds.evaluate(engine.snapshot(), elapsed).abort()) stop the run
 * // at the end:  ThresholdResults last = thresholds.evaluateFinal(engine.snapshot(), duration);
 * }</pre>
 */
public final class Thresholds {

    private static final Thresholds NONE = new Thresholds(List.of());

    private final List<MetricThresholds> metrics;

    public Thresholds(List<MetricThresholds> metrics) {
        this.metrics = List.copyOf(metrics);
    }

    /** No thresholds (also what {@code --no-thresholds} runs with). */
    public static Thresholds none() {
        return NONE;
    }

    /** Every thresholded metric or sub-metric, in the order the option lists them. */
    public List<MetricThresholds> all() {
        return metrics;
    }

    public boolean isEmpty() {
        return metrics.isEmpty();
    }

    /** The metrics and sub-metrics named by thresholds. */
    public List<MetricKey> metricKeys() {
        return metrics.stream().map(MetricThresholds::key).toList();
    }

    /** The expressions by option key, as outputs with {@code WithThresholds} receive them. */
    public Map<String, List<String>> sources() {
        Map<String, List<String>> sources = new LinkedHashMap<>();
        for (MetricThresholds m : metrics) {
            sources.put(m.optionKey(), m.thresholds().stream().map(Threshold::source).toList());
        }
        return sources;
    }

    /**
     * Checks every threshold against the registered metrics, as k6's {@code Thresholds.Validate}: the metric must
     * exist and its type must support the aggregation. Call after the init context registered custom metrics.
     *
     * @throws K6jException (invalid config) with a one-line message naming the metric and the expression
     */
    public void validate(MetricRegistry registry) {
        for (MetricThresholds m : metrics) {
            Optional<Metric> metric = registry.get(m.key().parent());
            if (metric.isEmpty()) {
                throw K6jException.invalidConfig("invalid threshold defined on '" + m.optionKey()
                        + "': no metric named '" + m.key().parent() + "' exists in the script");
            }
            for (Threshold threshold : m.thresholds()) {
                ThresholdExpression expression = threshold.expression();
                if (!expression.aggregation().supportedBy(metric.get().type())) {
                    String type = metric.get().type().k6Name();
                    throw K6jException.invalidConfig("invalid threshold '" + expression.source() + "' on metric '"
                            + m.optionKey() + "': " + type + " metrics do not support the aggregation '"
                            + expression.aggregationText() + "'; use " + Aggregation.supportedList(metric.get().type()));
                }
            }
        }
    }

    /**
     * Evaluates during the run, as k6's metrics engine does every 2 seconds: a metric whose sink is still empty is
     * skipped (its thresholds count as holding), so a threshold like {@code count>0} cannot abort a run early.
     */
    public ThresholdResults evaluate(MetricsSnapshot snapshot, Duration elapsed) {
        return evaluate(snapshot, elapsed, true);
    }

    /**
     * Evaluates at the end of the run, as k6 does: empty sinks are evaluated too, with k6's values for them (0 for
     * counters, gauges and trends; an empty rate has no value, so its thresholds hold).
     */
    public ThresholdResults evaluateFinal(MetricsSnapshot snapshot, Duration elapsed) {
        return evaluate(snapshot, elapsed, false);
    }

    private ThresholdResults evaluate(MetricsSnapshot snapshot, Duration elapsed, boolean skipEmptySinks) {
        List<ThresholdResult> results = new ArrayList<>();
        for (MetricThresholds m : metrics) {
            Optional<MetricSnapshot> metric = snapshot.find(m.key());
            String name = metric.map(MetricSnapshot::name).orElse(m.key().name());
            boolean skip = metric.isEmpty() || (skipEmptySinks && metric.get().values().isEmpty());
            for (Threshold threshold : m.thresholds()) {
                ThresholdExpression expression = threshold.expression();
                OptionalDouble observed = skip ? OptionalDouble.empty()
                        : metric.get().values().aggregate(expression.aggregation(), expression.percentile(), elapsed);
                // k6: no value for the aggregation means no samples yet, and the threshold passes.
                boolean ok = observed.isEmpty() || expression.operator().test(observed.getAsDouble(), expression.value());
                results.add(new ThresholdResult(name, threshold.source(), ok, !ok && threshold.abortsAt(elapsed),
                        observed));
            }
        }
        return new ThresholdResults(results);
    }
}
