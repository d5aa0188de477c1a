package dev.k6j.engine.executor;

import dev.k6j.engine.vu.VirtualUser;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * One VU slot of an executor that starts and stops VUs as it goes (ramping-vus, externally-controlled), as k6's
 * {@code vuHandle}: {@link #start()} makes it loop iterations, {@link #gracefulStop()} lets the running iteration
 * finish and then gives the VU back, {@link #hardStop()} interrupts the running iteration. A start after a stop that
 * has not taken effect yet simply goes on with the same VU.
 *
 * <p>Threads: one thread of its own loops iterations for the whole scenario; the executor's thread (or the REST API's)
 * calls the other methods.
 */
final class VuHandle {

    /** Where a handle gets its VU, and where it gives it back. */
    interface VuSource {
        /** A VU to run with, or {@code null} when none can be had (the test is stopping). */
        VirtualUser get() throws InterruptedException;

        void giveBack(VirtualUser vu);
    }

    private final ScenarioRun run;
    private final VuSource source;
    private final Thread thread;
    private final Object lock = new Object();
    private boolean wanted;
    private boolean done;
    private boolean inIteration;
    private VirtualUser current;
    private volatile boolean hardStopping;

    VuHandle(ScenarioRun run, VuSource source, ThreadFactory threads) {
        this.run = run;
        this.source = source;
        this.thread = threads.newThread(this::loop);
        thread.start();
    }

    /** Runs iterations from now on. */
    void start() {
        synchronized (lock) {
            wanted = true;
            lock.notifyAll();
        }
    }

    /** Starts no more iterations; the running one finishes and then the VU goes back. */
    void gracefulStop() {
        synchronized (lock) {
            wanted = false;
        }
    }

    /** Starts no more iterations and interrupts the running one. */
    void hardStop() {
        synchronized (lock) {
            wanted = false;
            if (inIteration) {
                hardStopping = true;
                current.interrupt();
            }
        }
    }

    /** Whether the handle holds a VU now (it counts as active). */
    boolean holdsVu() {
        synchronized (lock) {
            return current != null;
        }
    }

    /** Ends the handle's thread: hard-stops it and waits for it. */
    void finish() throws InterruptedException {
        synchronized (lock) {
            done = true;
            lock.notifyAll();
        }
        hardStop();
        thread.join(Duration.ofSeconds(60));
    }

    private void loop() {
        try {
            while (true) {
                synchronized (lock) {
                    // A stopping test runs no iterations: wait for the end rather than spin (a virtual thread that
                    // never blocks would keep its carrier from the other VUs).
                    while ((!wanted || run.stopping()) && !done) {
                        lock.wait(50);
                    }
                    if (done) {
                        return;
                    }
                }
                VirtualUser vu = source.get();
                if (vu == null) {
                    return;
                }
                // Counted active before it shows as held, so whoever waits for holdsVu() sees the count too.
                run.testRun().vuActivated();
                synchronized (lock) {
                    current = vu;
                }
                try {
                    iterateWhileWanted(vu);
                } finally {
                    synchronized (lock) {
                        current = null;
                    }
                    run.testRun().vuDeactivated();
                    source.giveBack(vu);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void iterateWhileWanted(VirtualUser vu) {
        while (true) {
            synchronized (lock) {
                if (!wanted || done || run.stopping()) {
                    return;
                }
                inIteration = true;
                hardStopping = false;
            }
            try {
                run.iterate(vu, () -> hardStopping);
            } finally {
                synchronized (lock) {
                    inIteration = false;
                }
            }
        }
    }
}
