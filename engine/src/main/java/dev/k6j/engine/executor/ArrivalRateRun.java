package dev.k6j.engine.executor;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.vu.VirtualUser;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The open model shared by the arrival-rate executors: iterations start on a schedule, each on a VU that is free at
 * that moment; when none is, the iteration is dropped ({@code dropped_iterations}) and, while {@code maxVUs} allows,
 * one more VU is initialized in the background. Slow iterations never delay the schedule. k6's
 * {@code activeVUPool} with the dropping and unplanned-VU logic of its arrival-rate executors.
 *
 * <p>Threads: the scenario's thread calls {@link #dispatch(long, long)} and {@link #close(long)}; each VU loops on a
 * thread of its own, parked while idle; unplanned VUs are initialized on a thread of their own.
 */
final class ArrivalRateRun {

    private static final int IDLE = 0;
    private static final int GO = 1;
    private static final int EXIT = 2;

    /** One VU of the scenario and its thread. */
    private final class Slot {
        private final VirtualUser vu;
        private final Thread thread;
        private volatile int command = IDLE;
        private volatile boolean hardStopped;

        Slot(VirtualUser vu) {
            this.vu = vu;
            this.thread = run.vuThreads().newThread(this::loop);
        }

        private void loop() {
            TestRunState testRun = run.testRun();
            testRun.vuActivated();
            active.incrementAndGet();
            try {
                while (true) {
                    synchronized (lock) {
                        if (closed) {
                            return;
                        }
                        command = IDLE;
                        idle.addLast(this);
                        lock.notifyAll();
                    }
                    while (command == IDLE) {
                        LockSupport.park(this);
                    }
                    if (command == EXIT) {
                        return;
                    }
                    running.incrementAndGet();
                    try {
                        run.iterate(vu, () -> hardStopped);
                    } finally {
                        running.decrementAndGet();
                    }
                }
            } finally {
                active.decrementAndGet();
                testRun.vuDeactivated();
                run.pool().giveBack(vu);
            }
        }
    }

    private final ScenarioRun run;
    private final long maxVus;
    private final Object lock = new Object();
    private final ArrayDeque<Slot> idle = new ArrayDeque<>();
    private final List<Slot> slots = new CopyOnWriteArrayList<>();
    private final AtomicLong running = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private final AtomicBoolean allocating = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private long unplannedLeft;
    private boolean warned;
    private boolean closed;
    private Thread allocator;

    ArrivalRateRun(ScenarioRun run, long preAllocatedVus, long maxVus) throws InterruptedException {
        this.run = run;
        this.maxVus = maxVus;
        this.unplannedLeft = maxVus - preAllocatedVus;
        for (long i = 0; i < preAllocatedVus; i++) {
            VirtualUser vu = run.pool().take();
            if (vu == null) {
                return;
            }
            addVu(vu);
        }
        // The first iteration is due at once: the pre-allocated VUs must be waiting for it, or it would be dropped.
        synchronized (lock) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (idle.size() < slots.size() && System.nanoTime() < deadline && !run.stopping()) {
                lock.wait(10);
            }
        }
    }

    /** VUs running an iteration now. */
    long running() {
        return running.get();
    }

    /** VUs this scenario holds now. */
    long active() {
        return active.get();
    }

    /** Iterations dropped so far. */
    long dropped() {
        return dropped.get();
    }

    /**
     * Starts an iteration at {@code startNanos + offsetNanos} on a free VU, or drops it. Returns false when the test
     * stopped first.
     */
    boolean dispatch(long startNanos, long offsetNanos) throws InterruptedException {
        if (!Sleeps.until(startNanos + offsetNanos, run)) {
            return false;
        }
        if (!tryStart()) {
            drop();
        }
        return true;
    }

    private boolean tryStart() {
        Slot slot;
        synchronized (lock) {
            slot = closed ? null : idle.pollFirst();
            if (slot == null) {
                return false;
            }
            slot.command = GO;
        }
        LockSupport.unpark(slot.thread);
        return true;
    }

    private void drop() {
        dropped.incrementAndGet();
        run.dropIterations(1);
        if (unplannedLeft == 0) {
            if (!warned) {
                warned = true;
                run.warn("Insufficient VUs, reached " + maxVus + " active VUs and cannot initialize more");
            }
            return;
        }
        if (allocating.compareAndSet(false, true)) {
            unplannedLeft--;
            allocator = Thread.ofVirtual().name("k6j-unplanned-vu").start(this::allocate);
        }
    }

    private void allocate() {
        try {
            VirtualUser vu = run.pool().takeUnplanned();
            if (vu != null) {
                addVu(vu);
            }
        } catch (K6jException e) {
            run.error("Error while allocating unplanned VU: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            allocating.set(false);
        }
    }

    private void addVu(VirtualUser vu) {
        synchronized (lock) {
            if (closed) {
                run.pool().giveBack(vu);
                return;
            }
            Slot slot = new Slot(vu);
            slots.add(slot);
            slot.thread.start();
        }
    }

    /**
     * Starts no more iterations; the running ones get until {@code hardDeadlineNanos} to finish, then they are
     * interrupted. Returns when every VU went back to the pool.
     */
    void close(long hardDeadlineNanos) throws InterruptedException {
        Thread pending = allocator;
        if (pending != null) {
            // A VU being initialized joins the scenario's VUs; one waiting for an idle VU gives up at the deadline.
            pending.join(Duration.ofNanos(Math.max(0, hardDeadlineNanos - run.clock().nanoTime())));
            pending.interrupt();
            pending.join();
        }
        synchronized (lock) {
            closed = true;
            for (Slot slot : idle) {
                slot.command = EXIT;
                LockSupport.unpark(slot.thread);
            }
            idle.clear();
        }
        for (Slot slot : slots) {
            slot.thread.join(Duration.ofNanos(Math.max(0, hardDeadlineNanos - run.clock().nanoTime())));
        }
        for (Slot slot : slots) {
            if (slot.thread.isAlive()) {
                slot.hardStopped = true;
                slot.vu.interrupt();
            }
        }
        for (Slot slot : slots) {
            slot.thread.join();
        }
    }
}
