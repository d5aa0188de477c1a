package dev.k6j.engine.executor;

import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.vu.VirtualUser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiConsumer;

/**
 * The worker threads of a scenario whose VUs loop until told to stop: each takes a VU from the pool, runs its loop
 * of iterations, and gives the VU back. Ends them gracefully: waits until a deadline, then interrupts the iterations
 * still running.
 *
 * <p>Threads: started and finished by the executor's thread; workers run on their own threads.
 */
public final class VuWorkers {

    /** One running worker. {@code active} turns false when its loop should end after the current iteration. */
    public static final class Worker {
        private final Thread thread;
        private volatile VirtualUser vu;
        private volatile boolean active = true;
        private volatile boolean hardStopped;

        private Worker(ThreadFactory factory, Runnable body) {
            this.thread = factory.newThread(body);
        }

        /** Whether the loop should go on. */
        public boolean active() {
            return active && !hardStopped;
        }

        /** Asks the loop to end after its current iteration. */
        public void deactivate() {
            active = false;
        }

        /** Interrupts the iteration running now, if any, and ends the loop. */
        public void interrupt() {
            hardStopped = true;
            VirtualUser current = vu;
            if (current != null) {
                current.interrupt();
            } else {
                // Still waiting for a VU from the pool: give up waiting.
                thread.interrupt();
            }
        }

        /** True once {@link #interrupt()} was called: the iteration must end as interrupted. */
        public boolean hardStopped() {
            return hardStopped;
        }

        public boolean finished() {
            return !thread.isAlive();
        }

        /** Waits for the worker to end, at most {@code timeout}; returns whether it ended. */
        public boolean await(Duration timeout) throws InterruptedException {
            return thread.join(timeout.isNegative() ? Duration.ZERO : timeout);
        }
    }

    private final ScenarioRun run;
    private final TestRunState testRun;
    private final ThreadFactory threads;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();

    VuWorkers(ScenarioRun run, ThreadFactory threads) {
        this.run = run;
        this.testRun = run.testRun();
        this.threads = threads;
    }

    /** Starts a worker that runs {@code loop} with a VU from the pool; the VU counts as active meanwhile. */
    public Worker start(BiConsumer<Worker, VirtualUser> loop) {
        Worker[] self = new Worker[1];
        Worker worker = new Worker(threads, () -> {
            VirtualUser vu;
            try {
                vu = run.pool().take();
            } catch (InterruptedException e) {
                return;
            }
            if (vu == null) {
                return;
            }
            self[0].vu = vu;
            testRun.vuActivated();
            try {
                loop.accept(self[0], vu);
            } finally {
                self[0].vu = null;
                testRun.vuDeactivated();
                run.pool().giveBack(vu);
            }
        });
        self[0] = worker;
        workers.add(worker);
        worker.thread.start();
        return worker;
    }

    /**
     * Ends the scenario: workers get until {@code gracefulDeadlineNanos} (a value of the scenario's clock) to finish
     * their iterations; then the remaining ones are interrupted, and all are awaited.
     */
    public void finish(long gracefulDeadlineNanos) throws InterruptedException {
        for (Worker worker : workers) {
            worker.deactivate();
        }
        for (Worker worker : workers) {
            worker.await(Duration.ofNanos(gracefulDeadlineNanos - run.clock().nanoTime()));
        }
        for (Worker worker : workers) {
            if (!worker.finished()) {
                worker.interrupt();
            }
        }
        for (Worker worker : workers) {
            worker.thread.join();
        }
    }

    /** Waits until every worker ended or {@code deadlineNanos} passed; returns whether all ended. */
    public boolean awaitAll(long deadlineNanos) throws InterruptedException {
        for (Worker worker : workers) {
            if (!worker.await(Duration.ofNanos(deadlineNanos - run.clock().nanoTime()))) {
                return false;
            }
        }
        return true;
    }

    /** All workers started so far. */
    public List<Worker> all() {
        return workers;
    }
}
