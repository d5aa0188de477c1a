package dev.k6j.engine.vu;

import dev.k6j.engine.js.ScriptErrors;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricRegistry;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.time.Duration;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Runs one iteration of a VU: calls the scenario's function with the setup data, waits for its promise and
 * callbacks, logs a script error the way k6 does (the test goes on), and emits {@code iterations} and
 * {@code iteration_duration} for every iteration that was not interrupted.
 *
 * <p>Threads: called on the thread that holds the VU. Thread-safe otherwise (no mutable state).
 */
public final class IterationRunner {

    /** How an iteration ended. */
    public enum Outcome { COMPLETED, FAILED, INTERRUPTED }

    private final Metric iterations;
    private final Metric iterationDuration;
    private final Duration minIterationDuration;

    public IterationRunner(MetricRegistry registry, Duration minIterationDuration) {
        this.iterations = registry.register("iterations", MetricType.COUNTER);
        this.iterationDuration = registry.register("iteration_duration", MetricType.TREND, ValueType.TIME);
        this.minIterationDuration = minIterationDuration;
    }

    /**
     * Runs the function {@code exec} of the script once on {@code vu}.
     *
     * @param setupData the JSON text of setup()'s result, or {@code null}
     */
    public Outcome run(VirtualUser vu, String exec, String setupData) {
        return run(vu, exec, setupData, () -> false);
    }

    /**
     * Runs the function {@code exec} of the script once on {@code vu}, unless {@code cut} says the iteration must
     * not run: then it ends at once as interrupted (a stop that came while the iteration was starting).
     */
    public Outcome run(VirtualUser vu, String exec, String setupData, java.util.function.BooleanSupplier cut) {
        return vu.inContext(() -> runInContext(vu, exec, setupData, cut));
    }

    private Outcome runInContext(VirtualUser vu, String exec, String setupData, java.util.function.BooleanSupplier cut) {
        long start = System.nanoTime();
        vu.beginIteration();
        if (cut.getAsBoolean()) {
            return Outcome.INTERRUPTED;
        }
        Outcome outcome;
        try {
            Value function = vu.exportedFunction(exec).orElseThrow(() -> new IllegalStateException(
                    "the script exports no function '" + exec + "'"));
            Value data = setupData == null ? null : vu.setupData(setupData);
            if (data == null) {
                vu.callAndWait(function);
            } else {
                vu.callAndWait(function, data);
            }
            waitForMinimumDuration(vu, start);
            // Stopped while finishing (a sleep woke early): the iteration did not run its course.
            outcome = vu.interrupted() ? Outcome.INTERRUPTED : Outcome.COMPLETED;
        } catch (PolyglotException e) {
            if (e.isInterrupted() || e.isCancelled() || vu.interrupted()) {
                outcome = Outcome.INTERRUPTED;
            } else {
                outcome = Outcome.FAILED;
                vu.console().error(ScriptErrors.describe(e));
            }
        } catch (InterruptedException e) {
            outcome = Outcome.INTERRUPTED;
        }
        if (outcome != Outcome.COMPLETED) {
            vu.resetEventLoop();
        }
        Thread.interrupted();
        if (outcome != Outcome.INTERRUPTED) {
            emitIterationSamples(vu, start);
        }
        return outcome;
    }

    private void waitForMinimumDuration(VirtualUser vu, long startNanos) throws InterruptedException {
        long remaining = minIterationDuration.toNanos() - (System.nanoTime() - startNanos);
        if (remaining > 0) {
            Thread.sleep(Duration.ofNanos(remaining));
        }
    }

    private void emitIterationSamples(VirtualUser vu, long startNanos) {
        double millis = (System.nanoTime() - startNanos) / 1e6;
        long now = Sample.nowNanos();
        TagSet tags = vu.state().tags();
        TagSet metadata = vu.state().metadata();
        vu.emit(List.of(
                new Sample(iterationDuration, now, millis, tags, metadata),
                new Sample(iterations, now, 1, tags, metadata)));
    }
}
