package dev.k6j.engine.executor;

import dev.k6j.engine.progress.Progress;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.segment.ExecutionTuple;
import java.util.List;

/**
 * Schedules one scenario's iterations on VUs, as one of k6's executors does, for this instance's execution segment.
 * One instance per scenario per test run.
 *
 * <p>Threads: {@link #run} is called once, on the scenario's own thread, and returns when the scenario is over
 * (including its graceful stop). It runs VUs on threads it starts through {@link VuWorkers}, {@link VuHandle} or
 * {@link ArrivalRateRun}. {@link #progress()} may be called from any thread at any time.
 */
public interface Executor {

    ScenarioConfig config();

    /**
     * The VUs this scenario needs over time, from its start, including those finishing iterations during graceful
     * stops and ramp-downs: k6's {@code GetExecutionRequirements}. The last step has 0 VUs, unless the scenario may
     * run for ever.
     */
    List<ExecutionStep> executionRequirements();

    /** Whether this instance's segment of the scenario has anything to do; a scenario without work is skipped. */
    boolean hasWork();

    /** The banner's line for this scenario, as k6 words it: {@code 10 looping VUs for 30s (gracefulStop: 30s)}. */
    String description();

    /** How far the scenario has come, and the texts of its progress bar; {@code exec.scenario.progress}. */
    Progress progress();

    /** The tuple that numbers this scenario's iterations ({@code iterationInTest}). */
    ExecutionTuple iterationTuple();

    /** Runs the scenario to its end. */
    void run(ScenarioRun run) throws InterruptedException;
}
