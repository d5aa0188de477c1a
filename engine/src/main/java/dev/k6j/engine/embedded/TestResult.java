package dev.k6j.engine.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a k6 test run in this JVM ended with: its exit code, thresholds, metrics and checks, as the end-of-test summary
 * shows them. Immutable; made by {@link InProcessRun#run()}.
 *
 * <pre>{@code
 * assertThat(result.passed()).as(result.failureMessage().orElse("")).isTrue();
 * assertThat(result.crossedThresholds()).isEmpty();
 * assertThat(result.metric("http_req_duration").percentile(95)).isLessThan(200);
 * assertThat(result.checks()).allMatch(CheckResult::passed);
 * }</pre>
 *
 * @param script      the script, as it was given
 * @param exitCode    the exit code {@code k6 run} would end with: 0, 99 for crossed thresholds, 107 for a script
 *                    error, 104 for invalid options, … (k6's list)
 * @param error       why the run did not succeed, as k6 would log it (for a script error with the script's
 *                    {@code file:line:column}); {@code null} when it succeeded
 * @param thresholds  every threshold, in the order the options list them
 * @param metrics     every metric and sub-metric the summary shows, by name, in the summary's order; empty when the
 *                    run failed before its end
 * @param checks      every check, in order of first run
 * @param duration    how long the scenarios ran
 * @param textSummary k6's end-of-test text summary (no colours); empty when the run failed before its end
 * @param summaryJson the object {@code handleSummary(data)} receives, as JSON; empty when the run failed before
 *                    its end
 */
public record TestResult(Path script, int exitCode, String error, List<ThresholdOutcome> thresholds,
                         Map<String, MetricSummary> metrics, List<CheckResult> checks, Duration duration,
                         String textSummary, String summaryJson) {

    /** k6's exit code for crossed thresholds. */
    public static final int THRESHOLDS_CROSSED = 99;

    public TestResult {
        thresholds = List.copyOf(thresholds);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        checks = List.copyOf(checks);
    }

    /** Whether the run succeeded (exit code 0). */
    public boolean passed() {
        return exitCode == 0;
    }

    /** The thresholds that did not hold. */
    public List<ThresholdOutcome> crossedThresholds() {
        return thresholds.stream().filter(t -> !t.passed()).toList();
    }

    /**
     * A metric or sub-metric by name.
     *
     * @throws IllegalArgumentException if the run has no such metric, naming those it has
     */
    public MetricSummary metric(String name) {
        MetricSummary metric = metrics.get(name);
        if (metric == null) {
            throw new IllegalArgumentException("no metric '" + name + "' in the results of " + script
                    + (metrics.isEmpty() ? " (the run ended before its summary: " + error + ")"
                    : "; there are " + String.join(", ", metrics.keySet())));
        }
        return metric;
    }

    /**
     * A check by name (the first of that name, whatever its group).
     *
     * @throws IllegalArgumentException if no check has that name, naming those there are
     */
    public CheckResult check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check '" + name + "' in the results of "
                        + script + "; there are " + checks.stream().map(c -> "'" + c.name() + "'")
                        .collect(Collectors.joining(", "))));
    }

    /**
     * Why the run failed, for a person, or empty when it passed: each crossed threshold with its observed value, or
     * the script error with its {@code file:line}.
     *
     * <pre>
     * k6j: src/test/k6/smoke.js crossed 2 thresholds (exit code 99):
     *   http_req_duration: p(95)&lt;200, observed p(95)=412.3ms
     *   checks: rate&gt;0.99, observed rate=0.95
     * </pre>
     */
    public Optional<String> failureMessage() {
        if (passed()) {
            return Optional.empty();
        }
        List<ThresholdOutcome> crossed = crossedThresholds();
        if (exitCode == THRESHOLDS_CROSSED && !crossed.isEmpty()) {
            StringBuilder text = new StringBuilder("k6j: ").append(script).append(" crossed ").append(crossed.size())
                    .append(crossed.size() == 1 ? " threshold" : " thresholds").append(" (exit code 99):");
            crossed.forEach(t -> text.append("\n  ").append(t.describe()));
            return Optional.of(text.toString());
        }
        return Optional.of("k6j: " + script + " failed (exit code " + exitCode + ", " + ExitCodes.describe(exitCode)
                + "): " + error);
    }

    /** A short form: the script, the exit code and the failure, without the metrics. */
    @Override
    public String toString() {
        return "TestResult[" + script + ", exit code " + exitCode + failureMessage().map(m -> ": " + m).orElse("")
                + "]";
    }
}
