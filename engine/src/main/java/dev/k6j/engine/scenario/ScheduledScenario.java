package dev.k6j.engine.scenario;

import dev.k6j.engine.progress.ProgressBar;

/**
 * A scenario as the {@link ScenarioScheduler} starts it: its configuration, its progress bar, and its run by its
 * executor. The executors' {@code ScenarioRun} is one; the scheduler knows no executor.
 */
public interface ScheduledScenario {

    ScenarioConfig config();

    ProgressBar bar();

    /**
     * Shows the scenario waiting for its start time, {@code startAtNanos} on the run's
     * {@link dev.k6j.engine.execution.RunClock}.
     */
    void markWaiting(long startAtNanos);

    /** The scenario starts now. */
    void markStarted();

    /** Runs the scenario with its executor, to its end (including its graceful stop). */
    void run() throws InterruptedException;

    /** Logs an error about this scenario. */
    void error(String message);

    /** The scenario is over: done when it came all the way, interrupted otherwise. */
    void markEnded(boolean started);
}
