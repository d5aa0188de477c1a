package dev.k6j.engine.run;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.metrics.MetricsSnapshot;
import dev.k6j.engine.metrics.ThresholdResults;
import java.util.Map;

/**
 * How a test run ended, with what its end-of-test summary was made from. Immutable; the runner's thread makes it.
 *
 * @param exitCode    the exit code k6 would end with
 * @param message     why the run did not succeed, as the run logs it (a stop reason, the crossed thresholds'
 *                    metrics, {@code exec.test.fail()}'s reason); {@code null} on success
 * @param summaryData the object {@code handleSummary(data)} receives ({@link dev.k6j.engine.summary.SummaryData})
 * @param snapshot    the sinks after the last flush
 * @param thresholds  the final threshold evaluation
 */
public record RunOutcome(ExitCode exitCode, String message, Map<String, Object> summaryData,
                         MetricsSnapshot snapshot, ThresholdResults thresholds) {
}
