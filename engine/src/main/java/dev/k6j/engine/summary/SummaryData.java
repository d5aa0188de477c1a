package dev.k6j.engine.summary;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.metrics.MetricSnapshot;
import dev.k6j.engine.metrics.MetricsSnapshot;
import dev.k6j.engine.metrics.ThresholdResults;
import dev.k6j.sinks.CounterValues;
import dev.k6j.sinks.GaugeValues;
import dev.k6j.sinks.RateValues;
import dev.k6j.sinks.SinkValues;
import dev.k6j.sinks.TrendValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the object a script's {@code handleSummary(data)} receives, as k6's {@code summarizeMetricsToObject}:
 *
 * <pre>{@code
 * { root_group: {name: "", path: "", id, groups: [...], checks: [{name, path, id, passes, fails}]},
 *   options:    {summaryTrendStats: [...], summaryTimeUnit: "", noColor: false},
 *   state:      {testRunDurationMs, isStdOutTTY, isStdErrTTY},
 *   metrics:    {http_req_duration: {type: "trend", contains: "time", values: {avg, min, med, max, "p(90)", "p(95)"},
 *                                    thresholds: {"p(95)<200": {ok: true}}},
 *                "http_req_duration{expected_response:true}": {...}, ...} }
 * }</pre>
 *
 * Values per type: counter {@code {count, rate}}, gauge {@code {value, min, max}}, rate {@code {rate, passes, fails}},
 * trend exactly the {@code summaryTrendStats}. Numbers are {@link Double} except check passes and fails
 * ({@link Long}); maps keep their insertion order and metrics are sorted as the text summary lists them.
 * Stateless; call on the thread that ends the test.
 */
public final class SummaryData {

    private static final Set<String> TIME_UNITS = Set.of("", "s", "ms", "us");

    private SummaryData() {
    }

    /**
     * @param snapshot          the sinks after the last flush
     * @param thresholds        the final threshold evaluation ({@code null} for none)
     * @param options           the consolidated options; reads {@code summaryTimeUnit} and {@code noColor} (the runner
     *                          sets it from {@code --no-color} / {@code NO_COLOR})
     * @param testRunDuration   how long the test ran (counter rates are per second of it)
     * @param stdoutTty         whether stdout is a terminal
     * @param stderrTty         whether stderr is a terminal
     * @param summaryTrendStats the trend statistics to show; {@code null} for k6's default
     * @throws K6jException (invalid config) for an unknown trend statistic or time unit
     */
    public static Map<String, Object> build(MetricsSnapshot snapshot, ThresholdResults thresholds,
                                            Map<String, Object> options, Duration testRunDuration,
                                            boolean stdoutTty, boolean stderrTty, List<String> summaryTrendStats) {
        TrendStats trendStats = TrendStats.of(summaryTrendStats);
        String timeUnit = timeUnit(options);
        ThresholdResults results = thresholds == null ? ThresholdResults.none() : thresholds;

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("root_group", GroupTree.build(snapshot.groupPaths(), snapshot.checks()));
        Map<String, Object> summaryOptions = new LinkedHashMap<>();
        summaryOptions.put("summaryTrendStats", new ArrayList<>(trendStats.stats()));
        summaryOptions.put("summaryTimeUnit", timeUnit);
        summaryOptions.put("noColor", Boolean.TRUE.equals(options.get("noColor")));
        data.put("options", summaryOptions);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("testRunDurationMs", testRunDuration.toNanos() / 1e6);
        state.put("isStdOutTTY", stdoutTty);
        state.put("isStdErrTTY", stderrTty);
        data.put("state", state);
        data.put("metrics", metrics(snapshot, results, testRunDuration, trendStats));
        return data;
    }

    private static Map<String, Object> metrics(MetricsSnapshot snapshot, ThresholdResults results,
                                               Duration testRunDuration, TrendStats trendStats) {
        List<MetricSnapshot> sorted = new ArrayList<>(snapshot.all());
        sorted.sort((a, b) -> MetricNameOrder.INSTANCE.compare(a.name(), b.name()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (MetricSnapshot metric : sorted) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", metric.metric().type().k6Name());
            entry.put("contains", metric.metric().valueType().k6Name());
            entry.put("values", values(metric.values(), testRunDuration, trendStats));
            Map<String, Boolean> ok = results.forMetric(metric.name());
            if (!ok.isEmpty()) {
                Map<String, Object> thresholds = new LinkedHashMap<>();
                ok.forEach((source, passed) -> thresholds.put(source, new LinkedHashMap<>(Map.of("ok", passed))));
                entry.put("thresholds", thresholds);
            }
            metrics.put(metric.name(), entry);
        }
        return metrics;
    }

    private static Map<String, Object> values(SinkValues sink, Duration testRunDuration, TrendStats trendStats) {
        Map<String, Object> values = new LinkedHashMap<>();
        switch (sink) {
            case CounterValues counter -> {
                values.put("count", counter.sum());
                values.put("rate", counter.rate(testRunDuration));
            }
            case GaugeValues gauge -> {
                values.put("value", gauge.value());
                values.put("min", gauge.min());
                values.put("max", gauge.max());
            }
            case RateValues rate -> {
                values.put("rate", rate.rate());
                values.put("passes", (double) rate.passes());
                values.put("fails", (double) rate.fails());
            }
            case TrendValues trend -> {
                for (String stat : trendStats.stats()) {
                    values.put(stat, TrendStats.value(stat, trend));
                }
            }
        }
        return values;
    }

    private static String timeUnit(Map<String, Object> options) {
        Object unit = options.get("summaryTimeUnit");
        String text = unit == null ? "" : String.valueOf(unit);
        if (!TIME_UNITS.contains(text)) {
            throw K6jException.invalidConfig("invalid summaryTimeUnit '" + text + "': use s, ms or us");
        }
        return text;
    }
}
