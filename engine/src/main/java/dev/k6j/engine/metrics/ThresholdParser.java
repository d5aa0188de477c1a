package dev.k6j.engine.metrics;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code thresholds} option (JSON-like data, as the script's {@code options} give it) into
 * {@link Thresholds}. Each metric key maps to a string, or to a list of strings and objects
 * {@code {threshold: "p(95)<200", abortOnFail: true, delayAbortEval: "10s"}}, as k6's {@code thresholdConfig} reads
 * them (unknown object keys are ignored, as Go's JSON decoding does).
 *
 * <p>Stateless; any thread.
 */
public final class ThresholdParser {

    private ThresholdParser() {
    }

    /**
     * Parses the option value; {@code null} means no thresholds.
     *
     * @throws K6jException (invalid config) for a malformed metric key or expression, or a value of the wrong shape
     */
    public static Thresholds parse(Object option) {
        if (option == null) {
            return Thresholds.none();
        }
        if (!(option instanceof Map<?, ?> map)) {
            throw K6jException.invalidConfig("the thresholds option must be an object of metric names to lists of"
                    + " thresholds, such as { http_req_duration: ['p(95)<200'] }");
        }
        List<MetricThresholds> metrics = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String optionKey = String.valueOf(entry.getKey());
            MetricKey key = MetricKey.parse(optionKey);
            metrics.add(new MetricThresholds(optionKey, key, thresholdsOf(optionKey, entry.getValue())));
        }
        return new Thresholds(metrics);
    }

    private static List<Threshold> thresholdsOf(String optionKey, Object value) {
        if (value instanceof String expression) {
            return List.of(simple(expression, optionKey));
        }
        if (!(value instanceof List<?> list)) {
            throw K6jException.invalidConfig("the thresholds of '" + optionKey + "' must be a list of expressions or"
                    + " {threshold, abortOnFail, delayAbortEval} objects, not " + describe(value));
        }
        List<Threshold> thresholds = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String expression) {
                thresholds.add(simple(expression, optionKey));
            } else if (item instanceof Map<?, ?> object) {
                thresholds.add(configured(object, optionKey));
            } else {
                throw K6jException.invalidConfig("a threshold of '" + optionKey + "' must be an expression string or a"
                        + " {threshold, abortOnFail, delayAbortEval} object, not " + describe(item));
            }
        }
        return thresholds;
    }

    private static Threshold simple(String expression, String optionKey) {
        return new Threshold(ThresholdExpression.parse(expression, optionKey), false, Optional.empty());
    }

    private static Threshold configured(Map<?, ?> object, String optionKey) {
        Object source = object.get("threshold");
        if (!(source instanceof String expression)) {
            throw K6jException.invalidConfig("a threshold object of '" + optionKey
                    + "' needs a 'threshold' expression string, such as { threshold: 'p(95)<200', abortOnFail: true }");
        }
        Object abort = object.get("abortOnFail");
        if (abort != null && !(abort instanceof Boolean)) {
            throw K6jException.invalidConfig("abortOnFail of threshold '" + expression + "' on '" + optionKey
                    + "' must be true or false, not " + describe(abort));
        }
        Object delay = object.get("delayAbortEval");
        Optional<Duration> delayAbortEval = delay == null ? Optional.empty()
                : Optional.of(Durations.parse(delay, "delayAbortEval of threshold '" + expression + "' on '"
                        + optionKey + "'"));
        return new Threshold(ThresholdExpression.parse(expression, optionKey), Boolean.TRUE.equals(abort),
                delayAbortEval);
    }

    private static String describe(Object value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
