package dev.k6j.engine.executor;

import dev.k6j.spi.ScenarioState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** The live state of one running scenario, as {@code k6/execution} shows it. Thread-safe. */
public final class ScenarioStateImpl implements ScenarioState {

    private final String name;
    private final String executor;
    private final Function<Duration, Double> progress;
    private final AtomicLong iterationsStarted = new AtomicLong();
    private volatile long startNanos;
    private volatile long startMillis;

    ScenarioStateImpl(String name, String executor, Function<Duration, Double> progress) {
        this.name = name;
        this.executor = executor;
        this.progress = progress;
    }

    public void markStarted() {
        startNanos = System.nanoTime();
        startMillis = System.currentTimeMillis();
    }

    /** Reserves the next iteration number of this scenario. */
    long nextIteration() {
        return iterationsStarted.getAndIncrement();
    }

    /** Time since the scenario started. */
    public Duration elapsed() {
        return startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
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
        return progress.apply(elapsed());
    }

    @Override
    public long iterationInInstance() {
        return Math.max(0, iterationsStarted.get() - 1);
    }

    @Override
    public long iterationInTest() {
        return iterationInInstance();
    }

    /** This scenario as seen by the VU running its iteration number {@code iteration}. */
    ScenarioState forIteration(long iteration) {
        ScenarioStateImpl shared = this;
        return new ScenarioState() {
            public String name() { return shared.name; }
            public String executor() { return shared.executor; }
            public long startTimeMillis() { return shared.startMillis; }
            public double progress() { return shared.progress(); }
            public long iterationInInstance() { return iteration; }
            public long iterationInTest() { return iteration; }
        };
    }

    /** Iterations started so far. */
    public long iterationsStarted() {
        return iterationsStarted.get();
    }
}
