package dev.k6j.engine.execution;

import java.util.concurrent.locks.LockSupport;

/**
 * The monotonic clock the scenarios are scheduled by: when each scenario starts, when arrival-rate iterations start,
 * when a ramp adds or removes VUs, when durations and graceful stops end. A run uses {@link #SYSTEM}; tests drive a
 * clock of their own, so they check schedules exactly without depending on the machine's speed.
 */
public interface RunClock {

    /** {@link System#nanoTime()}, and waits that spin through the last fraction of a millisecond. */
    RunClock SYSTEM = new RunClock() {
        /** The last stretch of a wait is spun through, for start times within microseconds of plan. */
        private static final long SPIN_NANOS = 100_000L;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            while (true) {
                long remaining = deadlineNanos - System.nanoTime();
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
    };

    /** Now, in nanoseconds from an arbitrary origin (as {@link System#nanoTime()}). */
    long nanoTime();

    /** Waits until {@link #nanoTime()} reaches {@code deadlineNanos}; at once if it has. */
    void sleepUntil(long deadlineNanos) throws InterruptedException;
}
