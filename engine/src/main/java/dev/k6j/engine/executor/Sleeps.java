package dev.k6j.engine.executor;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Waiting until a moment, precisely, and waking early when the test stops. Called on executors' threads. */
final class Sleeps {

    /** How often a long wait checks whether the test stops. */
    private static final long CHECK_NANOS = 20_000_000L;
    /** The last stretch of a wait is spun through, for start times within microseconds of plan. */
    private static final long SPIN_NANOS = 100_000L;

    private Sleeps() {
    }

    /**
     * Sleeps until {@code deadline} (a {@link System#nanoTime()} value); returns false if the test started stopping
     * first.
     */
    static boolean until(long deadline, ScenarioRun run) throws InterruptedException {
        while (true) {
            if (run.stopping()) {
                return false;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return true;
            }
            if (remaining > CHECK_NANOS) {
                Thread.sleep(Duration.ofNanos(CHECK_NANOS));
            } else {
                precisely(deadline);
                return !run.stopping();
            }
        }
    }

    /** Sleeps until {@code deadline}, spinning through the last fraction of a millisecond. */
    static void precisely(long deadline) throws InterruptedException {
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (remaining > SPIN_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
