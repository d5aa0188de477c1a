package dev.k6j.engine.executor;

import dev.k6j.engine.scenario.Stage;
import dev.k6j.engine.segment.ExecutionTuple;
import java.util.List;

/**
 * When each iteration of a ramping-arrival-rate scenario is due, as k6's {@code cal}: the rate changes linearly
 * within each stage, so iteration n is due when the area under the rate curve reaches n. Only the iterations of this
 * instance's stripes are produced. Not thread-safe: one scenario thread walks it.
 */
final class RampingArrivalSchedule {

    private final List<Stage> stages;
    private final double timeUnit;
    private final long[] steps;
    private int step = -1;
    private int stage;
    private long stageStart;
    private double doneSoFar;
    private double endCount;
    private double from;
    private double to;
    private double duration;
    private double i;
    private boolean stageOpen;

    RampingArrivalSchedule(long startRate, List<Stage> stages, long timeUnitNanos, ExecutionTuple tuple) {
        this.stages = stages;
        this.timeUnit = timeUnitNanos;
        this.steps = tuple.steps();
        this.from = startRate / timeUnit;
        // The algorithm works on areas, which count from 1.
        this.i = tuple.start() + 1;
    }

    /** The offset in nanoseconds from the scenario's start of this instance's next iteration, or -1 when done. */
    long next() {
        while (stage < stages.size()) {
            if (!stageOpen) {
                Stage current = stages.get(stage);
                to = current.target() / timeUnit;
                duration = current.duration().toNanos();
                endCount += from != to ? duration * ((to - from) / 2 + from) : duration * to;
                stageOpen = true;
            }
            if (i <= endCount) {
                double x;
                if (from != to) {
                    x = (from * duration - noNegativeSqrt(duration * (from * from * duration
                            + 2 * (i - doneSoFar) * (to - from)))) / (from - to);
                } else {
                    x = (i - doneSoFar) / to;
                }
                i += steps[++step % steps.length];
                return (long) x + stageStart;
            }
            doneSoFar = endCount;
            from = to;
            stageStart += stages.get(stage).duration().toNanos();
            stage++;
            stageOpen = false;
        }
        return -1;
    }

    /** k6 guards the square root against tiny negative rounding errors. */
    private static double noNegativeSqrt(double value) {
        return value >= 0 && !Double.isNaN(value) ? Math.sqrt(value) : 0;
    }
}
