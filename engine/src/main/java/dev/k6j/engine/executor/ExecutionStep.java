package dev.k6j.engine.executor;

import java.time.Duration;

/**
 * From {@code offset} on (until the next step), a scenario needs {@code plannedVus} VUs initialized before the test
 * and may initialize up to {@code maxUnplannedVus} more while it runs. k6's {@code lib.ExecutionStep}.
 *
 * @param offset          time from the scenario's start (or the test's start, in a whole test's plan)
 * @param plannedVus      VUs needed from then on
 * @param maxUnplannedVus VUs that may be initialized mid-test from then on (arrival-rate executors)
 */
public record ExecutionStep(Duration offset, long plannedVus, long maxUnplannedVus) {

    public static ExecutionStep of(Duration offset, long plannedVus) {
        return new ExecutionStep(offset, plannedVus, 0);
    }
}
