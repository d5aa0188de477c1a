package dev.k6j.engine.executor;

import dev.k6j.engine.run.TestRunState;
import dev.k6j.engine.vu.VirtualUser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * The worker threads of one scenario: each takes a VU from the pool, runs a loop of iterations on it, and gives
 * it back. Ends them gracefully: waits until a deadline, then interrupts the iterations still running.
 *
 * <p>Threads: started and awaited by the executor's thread; workers run on their own threads.
 */
public final class VuWorkers {

    /** One running worker. {@code active} turns false when its loop should end after the current iteration. */
    public static final class Worker {
        private final Thread thread;
        private volatile VirtualUser vu;
        private volatile boolean active = true;

        private Worker(ThreadFactory factory, Runnable body) {
            this.thread = factory.newThread(body);
        }

        /** Whether the loop should go on. */
        public boolean active() {
            return active;
        }

        /** Asks the loop to end after its current iteration. */
        public void deactivate() {
            active = false;
        }

        /** Interrupts the iteration running now, if any. */
        public void interrupt() {
            VirtualUser current = vu;
            if (current != null) {
                current.interrupt();
            }
        }

        public boolean finished() {
            return !thread.isAlive();
        }

        /** Waits for the worker to end, at most {@code timeout}; returns whether it ended. */
        public boolean await(Duration timeout) throws InterruptedException {
            return thread.join(timeout.isNegative() ? Duration.ZERO : timeout);
        }
    }

    private final VuPool pool;
    private final TestRunState testRun;
    private final ThreadFactory threads;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();

    VuWorkers(VuPool pool, TestRunState testRun, ThreadFactory threads) {
        this.pool = pool;
        this.testRun = testRun;
        this.threads = threads;
    }

    /** Starts a worker that runs {@code loop} with a VU from the pool; the VU counts as active meanwhile. */
    public Worker start(java.util.function.BiConsumer<Worker, VirtualUser> loop) {
        Worker[] self = new Worker[1];
        Worker worker = new Worker(threads, () -> {
            VirtualUser vu;
            try {
                vu = pool.take();
            } catch (InterruptedException e) {
                return;
            }
            self[0].vu = vu;
            testRun.vuActivated();
            try {
                loop.accept(self[0], vu);
            } finally {
                self[0].vu = null;
                testRun.vuDeactivated();
                pool.giveBack(vu);
            }
        });
        self[0] = worker;
        workers.add(worker);
        worker.thread.start();
        return worker;
    }

    /** Starts a worker whose loop ignores its handle. */
    public Worker start(Consumer<VirtualUser> loop) {
        return start((worker, vu) -> loop.accept(vu));
    }

    /**
     * Ends the scenario: workers get until {@code gracefulDeadlineNanos} (a {@link System#nanoTime()} value) to finish
     * their iterations; then the remaining ones are interrupted, and all are awaited.
     */
    public void finish(long gracefulDeadlineNanos) throws InterruptedException {
        for (Worker worker : workers) {
            worker.deactivate();
        }
        for (Worker worker : workers) {
            worker.await(Duration.ofNanos(gracefulDeadlineNanos - System.nanoTime()));
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

    /** All workers started so far. */
    public List<Worker> all() {
        return workers;
    }
}
