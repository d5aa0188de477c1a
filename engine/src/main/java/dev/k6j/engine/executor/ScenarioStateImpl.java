package dev.k6j.engine.executor;

import dev.k6j.engine.progress.Progress;
import dev.k6j.spi.ScenarioState;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The live state of one running scenario, as {@code k6/execution} shows it. Thread-safe. */
public final class ScenarioStateImpl implements ScenarioState {

    private final String name;
    private final String executor;
    private final Supplier<Progress> progress;
    private final LongSupplier iterationsStarted;
    private volatile long startMillis;

    ScenarioStateImpl(String name, String executor, Supplier<Progress> progress, LongSupplier iterationsStarted) {
        this.name = name;
        this.executor = executor;
        this.progress = progress;
        this.iterationsStarted = iterationsStarted;
    }

    /** The scenario starts now: {@code exec.scenario.startTime} is this moment of the wall clock. */
    void markStarted() {
        startMillis = System.currentTimeMillis();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String executor() {
        return executor;
    }

    @Override
    public long startTimeMillis() {
        return startMillis;
    }

    @Override
    public double progress() {
        return Math.max(0, Math.min(1, progress.get().fraction()));
    }

    @Override
    public long iterationInInstance() {
        return Math.max(0, iterationsStarted.getAsLong() - 1);
    }

    @Override
    public long iterationInTest() {
        return iterationInInstance();
    }

    /** This scenario as seen by the VU running the iteration numbered {@code numbers}. */
    ScenarioState forIteration(IterationCounters.Numbers numbers) {
        ScenarioStateImpl shared = this;
        return new ScenarioState() {
            public String name() { return shared.name; }
            public String executor() { return shared.executor; }
            public long startTimeMillis() { return shared.startMillis; }
            public double progress() { return shared.progress(); }
            public long iterationInInstance() { return numbers.inInstance(); }
            public long iterationInTest() { return numbers.inTest(); }
        };
    }
}
