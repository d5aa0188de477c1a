package dev.k6j.engine.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.k6j.engine.metrics.CheckCount;
import dev.k6j.engine.metrics.ThresholdExpression;
import dev.k6j.engine.metrics.ThresholdResult;
import dev.k6j.engine.run.RunOutcome;
import dev.k6j.engine.summary.TextSummary;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the runner's {@link RunOutcome} into a {@link TestResult}. Stateless. */
final class ResultReader {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Aggregations whose value is a number of samples or a share, never a time. */
    private static final Set<String> UNITLESS = Set.of("count", "rate");

    private ResultReader() {
    }

    /** The result of a run that reached its end. */
    static TestResult read(Path script, RunOutcome outcome) {
        Map<String, Object> data = outcome.summaryData();
        Map<String, MetricSummary> metrics = metrics(map(data.get("metrics")));
        List<ThresholdOutcome> thresholds = new ArrayList<>();
        for (ThresholdResult result : outcome.thresholds().results()) {
            String aggregation = ThresholdExpression.parse(result.source(), result.metric()).aggregationText();
            MetricSummary metric = metrics.get(result.metric());
            boolean time = metric != null && "time".equals(metric.contains()) && !UNITLESS.contains(aggregation);
            thresholds.add(new ThresholdOutcome(result.metric(), result.source(), aggregation, result.ok(),
                    result.observed(), time ? "ms" : ""));
        }
        List<CheckResult> checks = outcome.snapshot().checks().stream().map(ResultReader::check).toList();
        double durationMs = ((Number) map(data.get("state")).get("testRunDurationMs")).doubleValue();
        return new TestResult(script, outcome.exitCode().code(), outcome.message(), thresholds, metrics, checks,
                Duration.ofNanos((long) (durationMs * 1e6)), TextSummary.render(data, false), json(data));
    }

    /** The result of a run that stopped before its end (a script error, invalid options). */
    static TestResult failed(Path script, int exitCode, String error) {
        return new TestResult(script, exitCode, error, List.of(), Map.of(), List.of(), Duration.ZERO, "", "");
    }

    private static Map<String, MetricSummary> metrics(Map<String, Object> metrics) {
        Map<String, MetricSummary> result = new LinkedHashMap<>();
        metrics.forEach((name, value) -> {
            Map<String, Object> metric = map(value);
            Map<String, Double> values = new LinkedHashMap<>();
            map(metric.get("values")).forEach((stat, number) -> values.put(stat, ((Number) number).doubleValue()));
            result.put(name, new MetricSummary(name, (String) metric.get("type"), (String) metric.get("contains"),
                    values));
        });
        return result;
    }

    private static CheckResult check(CheckCount count) {
        return new CheckResult(count.groupPath(), count.name(), count.passes(), count.fails());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the summary data as JSON", e);
        }
    }
}
