package dev.k6j.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThresholdParserTest {

    @Test
    void aStringAListOfStringsAndObjectsAllParse() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("http_req_failed", "rate<0.01");
        option.put("http_req_duration", List.of("p(95)<200", "avg<100"));
        option.put("checks{check:status is 200}", List.of(
                Map.of("threshold", "rate>0.99", "abortOnFail", true, "delayAbortEval", "10s"),
                "rate>0.5",
                Map.of("threshold", "rate>0.1")));

        Thresholds thresholds = ThresholdParser.parse(option);

        assertThat(thresholds.all()).extracting(MetricThresholds::optionKey)
                .containsExactly("http_req_failed", "http_req_duration", "checks{check:status is 200}");
        MetricThresholds checks = thresholds.all().get(2);
        assertThat(checks.key().parent()).isEqualTo("checks");
        assertThat(checks.thresholds()).containsExactly(
                new Threshold(ThresholdExpression.parse("rate>0.99", "x"), true, Optional.of(Duration.ofSeconds(10))),
                new Threshold(ThresholdExpression.parse("rate>0.5", "x"), false, Optional.empty()),
                new Threshold(ThresholdExpression.parse("rate>0.1", "x"), false, Optional.empty()));
        assertThat(thresholds.sources()).containsEntry("http_req_duration", List.of("p(95)<200", "avg<100"));
    }

    @Test
    void noOptionMeansNoThresholds() {
        assertThat(ThresholdParser.parse(null).isEmpty()).isTrue();
        assertThat(ThresholdParser.parse(Map.of()).isEmpty()).isTrue();
    }

    @Test
    void aMalformedExpressionInsideAnObjectIsInvalidConfig() {
        assertThatThrownBy(() -> ThresholdParser.parse(Map.of("m", List.of(Map.of("threshold", "p95 < 1")))))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("invalid threshold 'p95 < 1' on metric 'm'");
    }

    @Test
    void valuesOfTheWrongShapeAreInvalidConfig() {
        assertThatThrownBy(() -> ThresholdParser.parse(List.of("p(95)<1")))
                .isInstanceOf(K6jException.class).hasMessageContaining("thresholds option must be an object");
        assertThatThrownBy(() -> ThresholdParser.parse(Map.of("m", 5)))
                .isInstanceOf(K6jException.class).hasMessageContaining("thresholds of 'm' must be a list");
        assertThatThrownBy(() -> ThresholdParser.parse(Map.of("m", List.of(5))))
                .isInstanceOf(K6jException.class).hasMessageContaining("must be an expression string");
        assertThatThrownBy(() -> ThresholdParser.parse(Map.of("m", List.of(Map.of("abortOnFail", true)))))
                .isInstanceOf(K6jException.class).hasMessageContaining("needs a 'threshold' expression");
        assertThatThrownBy(() -> ThresholdParser.parse(
                Map.of("m", List.of(Map.of("threshold", "rate<1", "abortOnFail", "yes")))))
                .isInstanceOf(K6jException.class).hasMessageContaining("abortOnFail");
        assertThatThrownBy(() -> ThresholdParser.parse(
                Map.of("m", List.of(Map.of("threshold", "rate<1", "delayAbortEval", "soon")))))
                .isInstanceOf(K6jException.class).hasMessageContaining("delayAbortEval");
        assertThatThrownBy(() -> ThresholdParser.parse(Map.of("m{a}", List.of("rate<1"))))
                .isInstanceOf(K6jException.class).hasMessageContaining("invalid threshold metric 'm{a}'");
    }
}
