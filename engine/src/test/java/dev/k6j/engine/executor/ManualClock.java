package dev.k6j.engine.executor;

import dev.k6j.engine.execution.RunClock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A {@link RunClock} that only the test moves: {@link #advanceToNextDeadline()} jumps to the earliest moment a
 * sleeping thread waits for. Threads sleeping on it are counted, so a test knows when every one of them is waiting.
 *
 * <p>Starts at one second, not zero: executors read a start of zero as "not started".
 */
final class ManualClock implements RunClock {

    static final long ORIGIN = 1_000_000_000L;

    private long now = ORIGIN;
    private final List<Long> deadlines = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(long deadlineNanos) throws InterruptedException {
        Long deadline = deadlineNanos;
        deadlines.add(deadline);
        try {
            while (now < deadlineNanos) {
                wait();
            }
        } finally {
            deadlines.remove(deadline);
        }
    }

    /** Sleeps for {@code nanos} of this clock's time. */
    void sleep(long nanos) throws InterruptedException {
        sleepUntil(nanoTime() + nanos);
    }

    /** Whether a sleeper's moment has come but it has not woken yet. */
    synchronized boolean sleeperDue() {
        return deadlines.stream().anyMatch(deadline -> deadline <= now);
    }

    /** Moves to the earliest moment a thread sleeps until and wakes it; false when no thread sleeps. */
    synchronized boolean advanceToNextDeadline() {
        OptionalLong next = deadlines.stream().mapToLong(Long::longValue).filter(deadline -> deadline > now).min();
        if (next.isEmpty()) {
            return false;
        }
        now = next.getAsLong();
        notifyAll();
        return true;
    }

    /** Milliseconds since {@link #ORIGIN}. */
    synchronized long millis() {
        return (now - ORIGIN) / 1_000_000;
    }
}
