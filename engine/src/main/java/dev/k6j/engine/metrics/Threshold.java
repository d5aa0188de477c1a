package dev.k6j.engine.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One threshold of a metric: an expression, and whether failing it aborts the run. Immutable.
 *
 * @param expression     what must hold
 * @param abortOnFail    whether the run stops as soon as it fails
 * @param delayAbortEval how long the run must have lasted before a failure aborts it (k6's {@code delayAbortEval});
 *                       empty aborts at the first failed evaluation
 */
public record Threshold(ThresholdExpression expression, boolean abortOnFail, Optional<Duration> delayAbortEval) {

    public Threshold {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(delayAbortEval, "delayAbortEval");
    }

    /** The expression as written; it names the threshold in the summary. */
    public String source() {
        return expression.source();
    }

    /**
     * Whether failing now, {@code elapsed} into the run, must abort it: k6 aborts when {@code abortOnFail} is set and
     * either no delay was given or the delay is shorter than the time spent.
     */
    public boolean abortsAt(Duration elapsed) {
        return abortOnFail && delayAbortEval.map(delay -> delay.compareTo(elapsed) < 0).orElse(true);
    }
}
