package dev.k6j.engine.executor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The VUs a whole test needs over time: every scenario's requirements shifted by its {@code startTime} and added up,
 * as k6's {@code GetFullExecutionRequirements}. From it come the VUs initialized before the test (the most planned at
 * any moment), the most VUs the test may ever have, and its longest duration. Immutable.
 *
 * @param steps the combined steps, in time order
 */
public record ExecutionPlan(List<ExecutionStep> steps) {

    public ExecutionPlan {
        steps = List.copyOf(steps);
    }

    /** Combines the requirements of {@code executors}, which must be sorted by (startTime, name). */
    public static ExecutionPlan of(List<Executor> executors) {
        record Tracked(ExecutionStep step, int executor) {
        }
        List<Tracked> tracked = new ArrayList<>();
        for (int i = 0; i < executors.size(); i++) {
            Duration start = executors.get(i).config().startTime();
            for (ExecutionStep step : executors.get(i).executionRequirements()) {
                tracked.add(new Tracked(new ExecutionStep(step.offset().plus(start), step.plannedVus(),
                        step.maxUnplannedVus()), i));
            }
        }
        tracked.sort(Comparator.comparing((Tracked t) -> t.step().offset()).thenComparingInt(Tracked::executor));
        long[] planned = new long[executors.size()];
        long[] unplanned = new long[executors.size()];
        List<ExecutionStep> combined = new ArrayList<>();
        for (Tracked t : tracked) {
            planned[t.executor()] = t.step().plannedVus();
            unplanned[t.executor()] = t.step().maxUnplannedVus();
            long sumPlanned = java.util.Arrays.stream(planned).sum();
            long sumUnplanned = java.util.Arrays.stream(unplanned).sum();
            ExecutionStep last = combined.isEmpty() ? null : combined.getLast();
            if (last == null || last.plannedVus() != sumPlanned || last.maxUnplannedVus() != sumUnplanned) {
                combined.add(new ExecutionStep(t.step().offset(), sumPlanned, sumUnplanned));
            }
        }
        return new ExecutionPlan(combined);
    }

    /** The most VUs planned at any moment: those initialized before the test starts. */
    public long maxPlannedVus() {
        return maxPlannedVus(steps);
    }

    /** The most VUs the test may have at any moment, counting those arrival-rate executors may add. */
    public long maxPossibleVus() {
        return steps.stream().mapToLong(s -> s.plannedVus() + s.maxUnplannedVus()).max().orElse(0);
    }

    /** When the last step starts: the test's longest duration, graceful stops included. */
    public Duration endOffset() {
        return endOffset(steps);
    }

    public static long maxPlannedVus(List<ExecutionStep> steps) {
        return steps.stream().mapToLong(ExecutionStep::plannedVus).max().orElse(0);
    }

    public static Duration endOffset(List<ExecutionStep> steps) {
        return steps.isEmpty() ? Duration.ZERO : steps.getLast().offset();
    }
}
