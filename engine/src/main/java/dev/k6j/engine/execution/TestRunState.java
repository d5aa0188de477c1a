package dev.k6j.engine.execution;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.httpclient.TlsOptions;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.spi.TestRun;
import dev.k6j.spi.TlsSettings;
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
    private final Object pauseLock = new Object();
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile long pausedSinceNanos;
    private long totalPausedNanos;
    private volatile ExecutionStatus status = ExecutionStatus.CREATED;
    private volatile boolean tainted;
    private volatile TlsSettings tls;

    public TestRunState(Map<String, Object> options) {
        this.options = options;
    }

    @Override
    public TlsSettings tls() {
        TlsSettings parsed = tls;
        if (parsed == null) {
            parsed = TlsOptions.from(options);
            tls = parsed;
        }
        return parsed;
    }

    /** Marks the start of the scenarios (after init and setup), for elapsed times. */
    public void markStarted() {
        synchronized (pauseLock) {
            long now = System.nanoTime();
            if (pausedSinceNanos != 0) {
                // Paused before the start: the pause so far doesn't count.
                pausedSinceNanos = now;
            }
            startNanos = now;
        }
    }

    /** Marks the end of the scenarios: the elapsed time stops growing. */
    public void markEnded() {
        endNanos = System.nanoTime();
    }

    public boolean started() {
        return startNanos != 0;
    }

    public boolean ended() {
        return endNanos != 0;
    }

    public ExecutionStatus status() {
        return status;
    }

    public void setStatus(ExecutionStatus status) {
        this.status = status;
    }

    /** Whether a threshold was crossed at its last evaluation (the REST API's {@code tainted}). */
    public boolean tainted() {
        return tainted;
    }

    public void setTainted(boolean tainted) {
        this.tainted = tainted;
    }

    /** Pauses the clock: {@link #elapsed()} stops growing until {@link #resume()}. Returns false if already paused. */
    public boolean pause() {
        synchronized (pauseLock) {
            if (pausedSinceNanos != 0) {
                return false;
            }
            pausedSinceNanos = System.nanoTime();
            return true;
        }
    }

    /** Resumes the clock and wakes {@link #awaitResumed()}. Returns false if it was not paused. */
    public boolean resume() {
        synchronized (pauseLock) {
            if (pausedSinceNanos == 0) {
                return false;
            }
            if (startNanos != 0) {
                totalPausedNanos += System.nanoTime() - pausedSinceNanos;
            }
            pausedSinceNanos = 0;
            pauseLock.notifyAll();
            return true;
        }
    }

    public boolean paused() {
        return pausedSinceNanos != 0;
    }

    /** Waits while the test is paused, or until it stops. */
    public void awaitResumed() throws InterruptedException {
        synchronized (pauseLock) {
            while (pausedSinceNanos != 0 && !stopping()) {
                pauseLock.wait(100);
            }
        }
    }

    @Override
    public Map<String, Object> options() {
        return options;
    }

    /** Time the scenarios have run: from their start to now (or their end), not counting pauses. */
    @Override
    public Duration elapsed() {
        synchronized (pauseLock) {
            if (startNanos == 0) {
                return Duration.ZERO;
            }
            long until = endNanos != 0 ? endNanos : pausedSinceNanos != 0 ? pausedSinceNanos : System.nanoTime();
            return Duration.ofNanos(Math.max(0, until - startNanos - totalPausedNanos));
        }
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

    /**
     * Work of a VU outside iterations that a stop interrupts (its init code, setup()); at once if the test is
     * stopping already. Undo with {@link #noLongerInterruptible}.
     */
    public void interruptible(VirtualUser vu) {
        busy.add(vu);
        if (stopping()) {
            vu.interrupt();
        }
    }

    public void noLongerInterruptible(VirtualUser vu) {
        busy.remove(vu);
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

    /** A VU was let go before the end (the externally-controlled executor lowering its max VUs). */
    public void vuReleased() {
        vusInitialized.decrementAndGet();
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
