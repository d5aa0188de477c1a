package dev.k6j.engine.scenario;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.execution.RunClock;
import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.progress.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Starts every scenario at its {@code startTime}, each on its own thread, and waits until all are over. VU worker
 * threads are virtual by default; {@code -Dk6j.vuThreads=platform} switches to platform threads.
 *
 * <p>Threads: {@link #runAll()} on the test's main thread; one platform thread per scenario.
 */
public final class ScenarioScheduler {

    /** How often waiting for a start time checks whether the test stops. */
    private static final long STOP_CHECK_NANOS = 20_000_000L;

    private final List<? extends ScheduledScenario> runs;
    private final TestRunState testRun;
    private final RunClock clock;

    /**
     * @param runs  the scenarios to run (those with work), sorted by start time and name
     * @param clock the clock start times follow
     */
    public ScenarioScheduler(List<? extends ScheduledScenario> runs, TestRunState testRun, RunClock clock) {
        this.runs = List.copyOf(runs);
        this.testRun = testRun;
        this.clock = clock;
    }

    /** The threads VUs run iterations on. */
    public static ThreadFactory vuThreads() {
        return "platform".equals(System.getProperty("k6j.vuThreads"))
                ? Thread.ofPlatform().daemon().name("k6j-vu-", 1).factory()
                : Thread.ofVirtual().name("k6j-vu-", 1).factory();
    }

    /** One progress bar per scenario, in order. */
    public List<ProgressBar> bars() {
        return runs.stream().map(ScheduledScenario::bar).toList();
    }

    public void runAll() throws InterruptedException {
        testRun.markStarted();
        long start = clock.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (ScheduledScenario run : runs) {
            long startAt = start + run.config().startTime().toNanos();
            if (!run.config().startTime().isZero()) {
                run.markWaiting(startAt);
            }
            threads.add(Thread.ofPlatform().daemon().name("k6j-scenario-" + run.config().name())
                    .start(() -> runScenario(run, startAt)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        testRun.markEnded();
    }

    private void runScenario(ScheduledScenario run, long startAt) {
        boolean started = false;
        try {
            long now;
            while (!testRun.stopping() && (now = clock.nanoTime()) < startAt) {
                clock.sleepUntil(Math.min(startAt, now + STOP_CHECK_NANOS));
            }
            if (!testRun.stopping()) {
                started = true;
                run.markStarted();
                run.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            run.error("scenario " + run.config().name() + " failed: " + e);
            testRun.stop(new TestRunState.StopReason(ExitCode.GENERIC_ENGINE,
                    "scenario " + run.config().name() + " failed: " + e));
        } finally {
            run.markEnded(started);
        }
    }
}
