package dev.k6j.spi;

import java.util.Map;

/**
 * An {@link Output} that wants the end-of-test summary: the same data {@code handleSummary(data)} receives
 * ({@code state}, {@code options}, {@code metrics} with each metric's {@code type}, {@code contains}, {@code values}
 * and {@code thresholds}, and {@code root_group} with its checks), as JSON-like data (maps, lists, strings, numbers,
 * booleans). A report-writing output shows the very numbers the terminal summary shows.
 */
public interface WithTestSummary {

    /**
     * Called once, after the final threshold evaluation and before {@link WithRunStatusUpdates#setRunStatus} and
     * {@link Output#stop()}, by the runner's thread; every sample of the run has been handed to the output by then.
     * Not called when the run failed before the summary could be built.
     */
    void setTestSummary(Map<String, Object> summary);
}
