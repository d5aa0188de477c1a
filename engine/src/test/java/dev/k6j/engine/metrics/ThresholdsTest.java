package dev.k6j.engine.metrics;

import static dev.k6j.engine.metrics.Samples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.sinks.CounterValues;
import dev.k6j.sinks.TrendValues;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdsTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final MetricRegistryImpl registry = new MetricRegistryImpl();
    private final Metric counter = registry.register("my_counter", MetricType.COUNTER);
    private final Metric gauge = registry.register("my_gauge", MetricType.GAUGE);
    private final Metric rate = registry.register("my_rate", MetricType.RATE);
    private final Metric trend = registry.register("my_trend", MetricType.TREND, ValueType.TIME);

    /** counter: 20 in total; gauge: last 7; rate: 3 of 4; trend: 1..10 ms. */
    private MetricsSnapshot knownSnapshot(Thresholds thresholds) {
        List<Sample> samples = new ArrayList<>();
        samples.add(sample(counter, 5));
        samples.add(sample(counter, 15));
        samples.add(sample(gauge, 3));
        samples.add(sample(gauge, 7));
        for (int v : new int[] {1, 1, 1, 0}) {
            samples.add(sample(rate, v));
        }
        for (int v = 1; v <= 10; v++) {
            samples.add(sample(trend, v));
        }
        return snapshotOf(thresholds, samples);
    }

    private MetricsSnapshot snapshotOf(Thresholds thresholds, List<Sample> samples) {
        try (MetricsEngine engine = new MetricsEngine(registry, 8)) {
            engine.setThresholds(thresholds);
            engine.start();
            engine.push(samples);
            engine.flush();
            return engine.snapshot();
        }
    }

    private static Thresholds thresholds(String metric, Object expressions) {
        return ThresholdParser.parse(Map.of(metric, expressions));
    }

    @Test
    void theObservedValueIsTheAggregationTheExpressionTested() {
        Thresholds thresholds = thresholds("my_trend", List.of("p(90)<9", "max<10"));

        ThresholdResults results = thresholds.evaluate(knownSnapshot(thresholds), TEN_SECONDS);

        assertThat(results.results()).extracting(ThresholdResult::observed)
                .containsExactly(OptionalDouble.of(9.1), OptionalDouble.of(10));
    }

    @ParameterizedTest
    @CsvSource({
        "my_counter, count==20, count<20",
        "my_counter, rate==2, rate>2",
        "my_gauge, value==7, value<7",
        "my_rate, rate==0.75, rate>0.75",
        "my_trend, avg==5.5, avg<5.5",
        "my_trend, min==1, min>1",
        "my_trend, max==10, max<10",
        "my_trend, med==5.5, med!=5.5",
        "my_trend, p(90)<=9.1, p(90)<9",
        "my_trend, p(100)===10, p(0)>=2",
    })
    void eachAggregationPassesAndFails(String metric, String passing, String failing) {
        Thresholds thresholds = thresholds(metric, List.of(passing, failing));

        ThresholdResults results = thresholds.evaluate(knownSnapshot(thresholds), TEN_SECONDS);

        assertThat(results.results()).extracting(ThresholdResult::metric, ThresholdResult::source,
                ThresholdResult::ok, ThresholdResult::abort).containsExactly(
                tuple(metric, passing, true, false),
                tuple(metric, failing, false, false));
        assertThat(results.anyFailed()).isTrue();
        assertThat(results.failedMetrics()).containsExactly(metric);
        assertThat(results.forMetric(metric)).containsEntry(passing, true).containsEntry(failing, false);
    }

    @Test
    void submetricThresholdsSeeOnlySamplesWhoseTagsMatch() {
        Metric groupDuration = registry.register("group_duration", MetricType.TREND, ValueType.TIME);
        Metric reqs = registry.register("http_reqs", MetricType.COUNTER);
        Thresholds thresholds = ThresholdParser.parse(Map.of(
                "group_duration{group:::a}", List.of("max<100"),
                "http_reqs{status:200,name:\"home\"}", List.of("count==2")));
        List<Sample> samples = List.of(
                sample(groupDuration, 50, "group", "::a"),
                sample(groupDuration, 500, "group", "::a::b"),
                sample(groupDuration, 900, "group", "::b"),
                sample(reqs, 1, "status", "200", "name", "home"),
                sample(reqs, 1, "status", "200", "name", "home", "method", "GET"),
                sample(reqs, 1, "status", "404", "name", "home"),
                sample(reqs, 1, "status", "200"));

        MetricsSnapshot snapshot = snapshotOf(thresholds, samples);
        ThresholdResults results = thresholds.evaluate(snapshot, TEN_SECONDS);

        assertThat(results.anyFailed()).isFalse();
        assertThat(((TrendValues) snapshot.metric("group_duration{group:::a}").orElseThrow().values()).count())
                .isEqualTo(1);
        assertThat(((CounterValues) snapshot.metric("http_reqs{status:200,name:\"home\"}").orElseThrow().values())
                .sum()).isEqualTo(2);
        assertThat(((CounterValues) snapshot.metric("http_reqs").orElseThrow().values()).sum()).isEqualTo(4);
    }

    @Test
    void aFailedAbortOnFailThresholdAbortsOnlyAfterItsDelayAbortEval() {
        Thresholds thresholds = thresholds("my_trend", List.of(
                Map.of("threshold", "avg<1", "abortOnFail", true, "delayAbortEval", "10s")));
        MetricsSnapshot snapshot = knownSnapshot(thresholds);

        ThresholdResults early = thresholds.evaluate(snapshot, Duration.ofSeconds(5));
        ThresholdResults atDelay = thresholds.evaluate(snapshot, Duration.ofSeconds(10));
        ThresholdResults late = thresholds.evaluate(snapshot, Duration.ofSeconds(11));

        assertThat(early.anyFailed()).isTrue();
        assertThat(early.abort()).isFalse();
        assertThat(atDelay.abort()).isFalse();
        assertThat(late.abort()).isTrue();
        assertThat(late.abortMessage()).contains("thresholds on metrics 'my_trend' were crossed; at least one has"
                + " abortOnFail enabled, stopping test prematurely");
    }

    @Test
    void abortOnFailWithoutDelayAbortsAtOnceAndWithoutAbortOnFailNever() {
        Thresholds aborting = thresholds("my_rate", List.of(Map.of("threshold", "rate>0.9", "abortOnFail", true)));
        Thresholds notAborting = thresholds("my_rate", List.of("rate>0.9"));

        assertThat(aborting.evaluate(knownSnapshot(aborting), Duration.ofMillis(1)).abort()).isTrue();
        assertThat(notAborting.evaluate(knownSnapshot(notAborting), TEN_SECONDS).abort()).isFalse();
        assertThat(notAborting.evaluate(knownSnapshot(notAborting), TEN_SECONDS).abortMessage()).isEmpty();
    }

    @Test
    void emptySinksAreSkippedDuringTheRunAndEvaluatedWithK6sZeroValuesAtTheEnd() {
        Thresholds thresholds = ThresholdParser.parse(Map.of(
                "my_counter", List.of(Map.of("threshold", "count>0", "abortOnFail", true)),
                "my_trend", List.of("min>0", "p(95)<200"),
                "my_gauge", List.of("value>0"),
                "my_rate", List.of("rate>0.5")));
        MetricsSnapshot nothing = snapshotOf(thresholds, List.of());

        ThresholdResults during = thresholds.evaluate(nothing, TEN_SECONDS);
        ThresholdResults atEnd = thresholds.evaluateFinal(nothing, TEN_SECONDS);

        assertThat(during.anyFailed()).isFalse();
        assertThat(during.abort()).isFalse();
        assertThat(atEnd.okByMetric()).isEqualTo(Map.of(
                "my_counter", Map.of("count>0", false),
                "my_trend", Map.of("min>0", false, "p(95)<200", true),
                "my_gauge", Map.of("value>0", false),
                "my_rate", Map.of("rate>0.5", true)));
    }

    @Test
    void thresholdedMetricsAreObservedEvenWithoutSamples() {
        Thresholds thresholds = ThresholdParser.parse(Map.of("my_trend{scenario:a}", List.of("avg<1")));

        MetricsSnapshot snapshot = snapshotOf(thresholds, List.of());

        assertThat(snapshot.metrics().keySet()).containsExactlyInAnyOrder("my_trend", "my_trend{scenario:a}");
        assertThat(snapshot.metric("my_trend{scenario:a}").orElseThrow().values().isEmpty()).isTrue();
    }

    @Test
    void validationRefusesAnUnknownMetric() {
        Thresholds thresholds = thresholds("no_such_metric{a:b}", List.of("count>1"));

        assertThatThrownBy(() -> thresholds.validate(registry))
                .isInstanceOf(K6jException.class)
                .hasMessage("invalid threshold defined on 'no_such_metric{a:b}': no metric named 'no_such_metric'"
                        + " exists in the script")
                .satisfies(e -> assertThat(((K6jException) e).exitCode()).isEqualTo(ExitCode.INVALID_CONFIG));
    }

    @ParameterizedTest
    @CsvSource({
        "my_counter, avg<1, counter, avg, 'count, rate'",
        "my_gauge, rate<1, gauge, rate, value",
        "my_rate, count<1, rate, count, rate",
        "my_trend, value<1, trend, value, 'avg, min, max, med, p(N)'",
        "my_trend, count>1, trend, count, 'avg, min, max, med, p(N)'",
        "my_counter, p(99.5)<1, counter, p(99.5), 'count, rate'",
    })
    void validationRefusesAnAggregationTheMetricTypeDoesNotSupport(String metric, String expression, String type,
                                                                  String aggregation, String supported) {
        Thresholds thresholds = thresholds(metric, List.of(expression));

        assertThatThrownBy(() -> thresholds.validate(registry))
                .isInstanceOf(K6jException.class)
                .hasMessage("invalid threshold '" + expression + "' on metric '" + metric + "': " + type
                        + " metrics do not support the aggregation '" + aggregation + "'; use " + supported);
    }

    @Test
    void validationAcceptsSupportedAggregations() {
        Thresholds thresholds = ThresholdParser.parse(Map.of(
                "my_counter", List.of("count>1", "rate>1"),
                "my_gauge", List.of("value>1"),
                "my_rate", List.of("rate>1"),
                "my_trend{status:200}", List.of("avg<1", "min<1", "max<1", "med<1", "p(99.9)<1")));

        thresholds.validate(registry);
    }
}
