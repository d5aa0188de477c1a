package dev.k6j.engine.executor;

import dev.k6j.engine.execution.RunClock;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.segment.ExecutionTuple;
import java.time.Duration;

/**
 * What every executor has: its scenario, this instance's segment, and the clock of its run. k6's
 * {@code BaseExecutor}. The start time is written once by the scenario's thread; any thread may read it.
 */
abstract class BaseExecutor implements Executor {

    protected final ScenarioConfig config;
    protected final ExecutionTuple tuple;
    /** Written before {@link #startNanos}, whose volatile write publishes it. */
    private RunClock clock = RunClock.SYSTEM;
    private volatile long startNanos;

    BaseExecutor(ScenarioConfig config, ExecutionTuple tuple) {
        this.config = config;
        this.tuple = tuple;
    }

    @Override
    public ScenarioConfig config() {
        return config;
    }

    @Override
    public ExecutionTuple iterationTuple() {
        return tuple;
    }

    /**
     * Starts the executor's clock, which is also the scenario's {@code exec.scenario.startTime} and the origin of its
     * schedule; returns the start as a value of the scenario's {@link RunClock}.
     */
    protected long markStart(ScenarioRun run) {
        clock = run.clock();
        long now = clock.nanoTime();
        startNanos = now;
        run.state().markStarted();
        return now;
    }

    /** Time since {@link #markStart(ScenarioRun)}, zero before. */
    protected Duration elapsed() {
        long start = startNanos;
        return start == 0 ? Duration.ZERO : Duration.ofNanos(clock.nanoTime() - start);
    }

    /** This executor's banner line: {@code head} and k6's base facts (exec, startTime, gracefulStop). */
    protected String describe(String head, String... facts) {
        return head + ExecutorDescriptions.baseInfo(config, facts);
    }
}
