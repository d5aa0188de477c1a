package dev.k6j.engine.executor;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.vu.VirtualUser;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The initialized VUs not running for any scenario now: those planned before the test, and those arrival-rate
 * executors initialize mid-test (at most the plan's unplanned VUs; then they reuse idle ones). Scenarios take VUs
 * and give them back, so one scenario's VUs serve a later one. k6's VU buffer in {@code ExecutionState}. Thread-safe.
 */
public final class VuPool {

    /** Creates and initializes one more VU, with the next VU ids, on the calling thread. */
    public interface VuInitializer {
        VirtualUser initialize();
    }

    /** How long a scenario waits for a planned VU before saying so, as k6 ({@code MaxTimeToWaitForPlannedVU}). */
    static final long WAIT_WARNING_MILLIS = 400;
    private static final int WAIT_WARNINGS = 5;

    private final LinkedBlockingQueue<VirtualUser> idle;
    private final List<VirtualUser> all;
    private final AtomicLong unplannedLeft;
    private final VuInitializer initializer;
    private final BooleanSupplier stopping;
    private final java.util.function.Consumer<String> warn;

    /**
     * @param planned   the VUs initialized before the test
     * @param unplanned how many more VUs arrival-rate executors may initialize
     * @param stopping  whether the test is stopping (waits for a VU give up)
     * @param warn      where warnings go
     */
    public VuPool(List<VirtualUser> planned, long unplanned, VuInitializer initializer, BooleanSupplier stopping,
                  java.util.function.Consumer<String> warn) {
        this.idle = new LinkedBlockingQueue<>(planned);
        this.all = new CopyOnWriteArrayList<>(planned);
        this.unplannedLeft = new AtomicLong(unplanned);
        this.initializer = initializer;
        this.stopping = stopping;
        this.warn = warn;
    }

    /** A pool of already-initialized VUs that can't grow (for tests). */
    public static VuPool of(List<VirtualUser> vus) {
        return new VuPool(vus, 0, () -> {
            throw new IllegalStateException("no VUs may be initialized");
        }, () -> false, message -> { });
    }

    /**
     * Takes an idle VU, waiting while another scenario still holds it (it is due back by the plan). Returns
     * {@code null} when the test stops meanwhile.
     */
    public VirtualUser take() throws InterruptedException {
        int warnings = 0;
        long waited = 0;
        while (true) {
            VirtualUser vu = idle.poll(WAIT_WARNING_MILLIS, TimeUnit.MILLISECONDS);
            if (vu != null) {
                return vu;
            }
            if (stopping.getAsBoolean()) {
                return null;
            }
            waited += WAIT_WARNING_MILLIS;
            if (warnings++ < WAIT_WARNINGS) {
                warn.accept("Could not get a VU from the buffer for " + waited + "ms");
            }
        }
    }

    /**
     * A VU beyond the planned ones: a new one while the plan allows, else an idle one (waiting for it as
     * {@link #take()}). k6's {@code GetUnplannedVU}.
     *
     * @throws K6jException when the new VU's init code fails
     */
    public VirtualUser takeUnplanned() throws InterruptedException {
        if (unplannedLeft.decrementAndGet() < 0) {
            unplannedLeft.incrementAndGet();
            return take();
        }
        return initializeNew();
    }

    /** Initializes a new VU regardless of the plan (the externally-controlled executor raising its max VUs). */
    public VirtualUser initializeNew() {
        VirtualUser vu = initializer.initialize();
        all.add(vu);
        return vu;
    }

    public void giveBack(VirtualUser vu) {
        idle.add(vu);
    }

    /** Every VU initialized so far, idle or not (to close them at the end). */
    public List<VirtualUser> all() {
        return all;
    }
}
