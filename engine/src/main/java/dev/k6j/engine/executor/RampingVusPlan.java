package dev.k6j.engine.executor;

import dev.k6j.engine.scenario.Stage;
import dev.k6j.engine.segment.ExecutionTuple;
import dev.k6j.engine.segment.SegmentedIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When a ramping-vus scenario starts and stops each of its VUs, as k6 computes it: the raw steps (VUs that should
 * loop, changing one VU at a time, linearly within each stage) and the graceful steps (VUs that may still be finishing
 * an iteration during {@code gracefulRampDown}). With execution segments each instance gets exactly the VUs of its
 * stripes, so all instances together follow the stages. Immutable.
 */
final class RampingVusPlan {

    private RampingVusPlan() {
    }

    /**
     * The VUs that should loop over time, one step per change ({@code getRawExecutionSteps}).
     *
     * @param zeroEnd whether to end with a step of 0 VUs at the end of the stages
     */
    static List<ExecutionStep> rawSteps(long startVus, List<Stage> stages, ExecutionTuple tuple, boolean zeroEnd) {
        List<ExecutionStep> steps = new ArrayList<>();
        SegmentedIndex index = new SegmentedIndex(tuple);
        long fromVus = startVus;
        index.goTo(fromVus);
        steps.add(ExecutionStep.of(Duration.ZERO, index.scaled()));
        long timeTillEnd = 0;
        for (Stage stage : stages) {
            long stageEndVus = stage.target();
            long stageDuration = stage.duration().toNanos();
            timeTillEnd += stageDuration;
            long diff = stageEndVus - fromVus;
            if (diff == 0) {
                continue;
            }
            if (stageDuration == 0) {
                index.goTo(stageEndVus);
                add(steps, timeTillEnd, index.scaled());
                fromVus = stageEndVus;
                continue;
            }
            if (index.unscaled() > stageEndVus) {
                // Ramping down: a VU stops when the next lower one would have started on the way up.
                for (; index.unscaled() > stageEndVus; index.previous()) {
                    add(steps, timeTillEnd - multiplyDivide(stageDuration, stageEndVus - index.unscaled() + 1, diff),
                            index.scaled() - 1);
                }
            } else {
                for (; index.unscaled() <= stageEndVus; index.next()) {
                    add(steps, timeTillEnd - multiplyDivide(stageDuration, stageEndVus - index.unscaled(), diff),
                            index.scaled());
                }
            }
            fromVus = stageEndVus;
        }
        if (zeroEnd && steps.getLast().plannedVus() != 0) {
            steps.add(ExecutionStep.of(Duration.ofNanos(timeTillEnd), 0));
        }
        return steps;
    }

    /**
     * The steps with ramp-downs delayed by {@code gracefulRampDown}, so VUs finishing their iteration stay reserved,
     * never reserving more than the most VUs of any stage ({@code reserveVUsForGracefulRampDowns}). No step is added
     * at or after {@code executorEnd}.
     */
    static List<ExecutionStep> gracefulSteps(List<ExecutionStep> raw, Duration gracefulRampDown, Duration executorEnd) {
        List<ExecutionStep> result = new ArrayList<>();
        long lastPlanned = 0;
        int lastDownwardSlope = 0;
        for (int step = 0; step < raw.size(); step++) {
            ExecutionStep rawStep = raw.get(step);
            if (step == 0 || rawStep.plannedVus() > lastPlanned) {
                result.add(rawStep);
                lastPlanned = rawStep.plannedVus();
                continue;
            }
            if (rawStep.plannedVus() == lastPlanned) {
                continue;
            }
            boolean skipped = false;
            Duration withTimeout = rawStep.offset().plus(gracefulRampDown);
            int advanceFrom = Math.max(step + 1, lastDownwardSlope);
            boolean rampingDown = true;
            for (int ahead = advanceFrom; ahead < raw.size(); ahead++) {
                ExecutionStep aheadStep = raw.get(ahead);
                if (aheadStep.offset().compareTo(withTimeout) > 0) {
                    break;
                }
                if (aheadStep.plannedVus() >= lastPlanned) {
                    step = ahead - 1;
                    skipped = true;
                    break;
                }
                if (rampingDown) {
                    if (raw.get(ahead - 1).plannedVus() > aheadStep.plannedVus()) {
                        lastDownwardSlope = ahead;
                    } else {
                        rampingDown = false;
                    }
                }
            }
            if (skipped) {
                continue;
            }
            if (withTimeout.compareTo(executorEnd) >= 0) {
                break;
            }
            result.add(ExecutionStep.of(withTimeout, rawStep.plannedVus()));
            lastPlanned = rawStep.plannedVus();
        }
        return result;
    }

    /** The requirements: graceful steps ending with 0 VUs at the end of the stages plus the graceful stop. */
    static List<ExecutionStep> requirements(long startVus, List<Stage> stages, ExecutionTuple tuple,
                                            Duration gracefulRampDown, Duration gracefulStop) {
        List<ExecutionStep> steps = rawSteps(startVus, stages, tuple, false);
        Duration end = Stage.total(stages).plus(gracefulStop);
        if (gracefulRampDown.toNanos() > 0) {
            steps = gracefulSteps(steps, gracefulRampDown, end);
        }
        if (steps.getLast().plannedVus() != 0) {
            steps = new ArrayList<>(steps);
            steps.add(ExecutionStep.of(end, 0));
        }
        return steps;
    }

    /** {@code a * b / c} in Go's int64 arithmetic, exact for the products that fit. */
    private static long multiplyDivide(long a, long b, long c) {
        return Math.multiplyExact(a, b) / c;
    }

    private static void add(List<ExecutionStep> steps, long offsetNanos, long plannedVus) {
        if (steps.getLast().plannedVus() != plannedVus) {
            steps.add(ExecutionStep.of(Duration.ofNanos(offsetNanos), plannedVus));
        }
    }
}
