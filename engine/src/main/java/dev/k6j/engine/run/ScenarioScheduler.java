package dev.k6j.engine.run;

import dev.k6j.engine.executor.Executor;
import dev.k6j.engine.executor.ScenarioRun;
import dev.k6j.engine.executor.ScenarioStates;
import dev.k6j.engine.executor.VuPool;
import dev.k6j.engine.vu.IterationRunner;
import dev.k6j.engine.vu.VirtualUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Starts every scenario at its {@code startTime}, each on its own thread, and waits until all are over.
 * VU worker threads are virtual by default; {@code -Dk6j.vuThreads=platform} switches to platform threads.
 */
final class ScenarioScheduler {

    private final List<Executor> executors;
    private final VuPool pool;
    private final IterationRunner iterations;
    private final TestRunState testRun;
    private final String setupData;

    ScenarioScheduler(List<Executor> executors, List<VirtualUser> vus, IterationRunner iterations,
                      TestRunState testRun, String setupData) {
        this.executors = executors;
        this.pool = new VuPool(vus);
        this.iterations = iterations;
        this.testRun = testRun;
        this.setupData = setupData;
    }

    static ThreadFactory vuThreads() {
        return "platform".equals(System.getProperty("k6j.vuThreads"))
                ? Thread.ofPlatform().daemon().name("k6j-vu-", 1).factory()
                : Thread.ofVirtual().name("k6j-vu-", 1).factory();
    }

    void runAll() throws InterruptedException {
        testRun.markStarted();
        long start = System.nanoTime();
        ThreadFactory vuThreads = vuThreads();
        List<Thread> threads = new ArrayList<>();
        for (Executor executor : executors) {
            ScenarioRun run = new ScenarioRun(executor.config(), ScenarioStates.of(executor), pool, iterations,
                    testRun, setupData, vuThreads);
            threads.add(Thread.ofPlatform().daemon().name("k6j-scenario-" + executor.config().name()).start(() -> {
                try {
                    long startAt = start + executor.config().startTime().toNanos();
                    while (!testRun.stopping() && System.nanoTime() < startAt) {
                        Thread.sleep(Duration.ofNanos(Math.min(50_000_000L, startAt - System.nanoTime())));
                    }
                    if (!testRun.stopping()) {
                        run.state().markStarted();
                        executor.run(run);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
