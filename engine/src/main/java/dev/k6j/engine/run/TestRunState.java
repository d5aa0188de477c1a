package dev.k6j.engine.run;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.spi.TestRun;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared state of a running test: counters, the VUs busy now, and whether and why the test must stop.
 * Thread-safe.
 */
public final class TestRunState implements TestRun {

    /** Why a test stopped early, with the exit code it ends with. */
    public record StopReason(ExitCode exitCode, String message) {
    }

    private final Map<String, Object> options;
    private final AtomicLong vusActive = new AtomicLong();
    private final AtomicLong vusInitialized = new AtomicLong();
    private final AtomicLong iterationsCompleted = new AtomicLong();
    private final AtomicLong iterationsInterrupted = new AtomicLong();
    private final Set<VirtualUser> busy = ConcurrentHashMap.newKeySet();
    private final AtomicReference<StopReason> stopReason = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile long startNanos;

    public TestRunState(Map<String, Object> options) {
        this.options = options;
    }

    /** Marks the start of the test (after init and setup), for elapsed times. */
    public void markStarted() {
        startNanos = System.nanoTime();
    }

    @Override
    public Map<String, Object> options() {
        return options;
    }

    @Override
    public Duration elapsed() {
        return startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void abort(String reason) {
        stop(new StopReason(ExitCode.SCRIPT_ABORTED, "test aborted: " + reason));
    }

    @Override
    public void fail(String reason) {
        failure.compareAndSet(null, reason);
    }

    /**
     * Stops the test now: no new iterations, and running ones are interrupted. The first reason wins.
     * Returns whether this call was the one that stopped it.
     */
    public boolean stop(StopReason reason) {
        if (!stopReason.compareAndSet(null, reason)) {
            return false;
        }
        busy.forEach(VirtualUser::interrupt);
        return true;
    }

    public boolean stopping() {
        return stopReason.get() != null;
    }

    public StopReason stopReason() {
        return stopReason.get();
    }

    /** The reason given to {@code exec.test.fail()}, or {@code null}. */
    public String failure() {
        return failure.get();
    }

    /** Called around each iteration so a stop can interrupt it. */
    public void iterationStarted(VirtualUser vu) {
        busy.add(vu);
        if (stopping()) {
            vu.interrupt();
        }
    }

    public void iterationEnded(VirtualUser vu, boolean interrupted) {
        busy.remove(vu);
        (interrupted ? iterationsInterrupted : iterationsCompleted).incrementAndGet();
    }

    public void vuActivated() {
        vusActive.incrementAndGet();
    }

    public void vuDeactivated() {
        vusActive.decrementAndGet();
    }

    public void vuInitialized() {
        vusInitialized.incrementAndGet();
    }

    @Override
    public long vusActive() {
        return vusActive.get();
    }

    @Override
    public long vusInitialized() {
        return vusInitialized.get();
    }

    @Override
    public long iterationsCompleted() {
        return iterationsCompleted.get();
    }

    @Override
    public long iterationsInterrupted() {
        return iterationsInterrupted.get();
    }
}
