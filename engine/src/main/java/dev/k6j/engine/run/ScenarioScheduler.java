package dev.k6j.engine.run;

import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.executor.Executor;
import dev.k6j.engine.executor.RunContext;
import dev.k6j.engine.executor.ScenarioRun;
import dev.k6j.engine.progress.ProgressBar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Starts every scenario at its {@code startTime}, each on its own thread, and waits until all are over. VU worker
 * threads are virtual by default; {@code -Dk6j.vuThreads=platform} switches to platform threads.
 *
 * <p>Threads: {@link #runAll()} on the test's main thread; one platform thread per scenario.
 */
final class ScenarioScheduler {

    private final List<ScenarioRun> runs;
    private final TestRunState testRun;

    /** @param executors the scenarios to run (those with work), sorted by start time and name */
    ScenarioScheduler(List<Executor> executors, RunContext context) {
        this.runs = executors.stream().map(executor -> new ScenarioRun(executor, context)).toList();
        this.testRun = context.testRun();
    }

    static ThreadFactory vuThreads() {
        return "platform".equals(System.getProperty("k6j.vuThreads"))
                ? Thread.ofPlatform().daemon().name("k6j-vu-", 1).factory()
                : Thread.ofVirtual().name("k6j-vu-", 1).factory();
    }

    /** One progress bar per scenario, in order. */
    List<ProgressBar> bars() {
        return runs.stream().map(ScenarioRun::bar).toList();
    }

    void runAll() throws InterruptedException {
        testRun.markStarted();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (ScenarioRun run : runs) {
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

    private void runScenario(ScenarioRun run, long startAt) {
        boolean started = false;
        try {
            while (!testRun.stopping() && System.nanoTime() < startAt) {
                Thread.sleep(Duration.ofNanos(Math.min(20_000_000L, startAt - System.nanoTime())));
            }
            if (!testRun.stopping()) {
                started = true;
                run.markStarted();
                run.executor().run(run);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            run.error("scenario " + run.config().name() + " failed: " + e);
            testRun.stop(new TestRunState.StopReason(dev.k6j.engine.errors.ExitCode.GENERIC_ENGINE,
                    "scenario " + run.config().name() + " failed: " + e));
        } finally {
            run.markEnded(started);
        }
    }
}
