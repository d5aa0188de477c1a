package dev.k6j.engine.executor;

import dev.k6j.engine.vu.VirtualUser;
import java.util.ArrayList;
import java.util.List;

/**
 * The VU slots of an externally-controlled scenario: a {@link VuHandle} per VU up to the current max VUs, each with a
 * VU of its own for the whole scenario, started, stopped, added and removed as the scenario is steered. k6's
 * {@code externallyControlledRunState}.
 *
 * <p>Threads: changed on the scenario's thread only; {@link #active()} and {@link #size()} from any thread.
 */
final class ExternallyControlledVus {

    private final ScenarioRun run;
    private final List<VuHandle> own = new ArrayList<>();
    private final List<VirtualUser> vusOfHandles = new ArrayList<>();
    private long planned;
    private boolean paused;
    private volatile List<VuHandle> handles = List.of();

    ExternallyControlledVus(ScenarioRun run) {
        this.run = run;
    }

    /** Takes the scenario's planned VUs (its configured max VUs) from the pool, one handle each. */
    void retrievePlannedVus(long count) throws InterruptedException {
        for (long i = 0; i < count; i++) {
            VirtualUser vu = run.pool().take();
            if (vu == null) {
                return;
            }
            addHandle(vu);
            planned++;
        }
        publish();
    }

    private void addHandle(VirtualUser vu) {
        vusOfHandles.add(vu);
        own.add(run.newHandle(new VuHandle.VuSource() {
            public VirtualUser get() {
                return vu;
            }

            public void giveBack(VirtualUser ignored) {
                // The handle keeps its VU until the scenario lets it go.
            }
        }));
    }

    private void publish() {
        handles = List.copyOf(own);
    }

    /** VUs running iterations (or finishing one) now. */
    long active() {
        return handles.stream().filter(VuHandle::holdsVu).count();
    }

    /** The current max VUs of this instance. */
    long size() {
        return handles.size();
    }

    /** Moves from (oldVus, oldMax) to (newVus, newMax), all scaled; returns an error message or null. */
    String change(long oldVus, long oldMax, long newVus, long newMax) throws InterruptedException {
        for (long i = own.size(); i < newMax; i++) {
            if (run.stopping()) {
                return "the test is stopping";
            }
            try {
                addHandle(run.pool().initializeNew());
            } catch (RuntimeException e) {
                publish();
                return "could not initialize a new VU: " + e.getMessage();
            }
        }
        publish();
        if (oldVus < newVus) {
            for (long i = oldVus; i < newVus && !paused; i++) {
                own.get((int) i).start();
            }
            // As in k6, a started VU counts as active when the change returns.
            for (long i = oldVus; i < newVus && !paused; i++) {
                while (!own.get((int) i).holdsVu() && !run.stopping()) {
                    Thread.sleep(1);
                }
            }
        } else {
            for (long i = newVus; i < oldVus; i++) {
                own.get((int) i).hardStop();
            }
            awaitIdle(newVus, oldVus);
        }
        if (oldMax > newMax) {
            for (long i = own.size() - 1; i >= newMax; i--) {
                own.get((int) i).finish();
                VirtualUser vu = vusOfHandles.remove((int) i);
                own.remove((int) i);
                if (i < planned) {
                    run.pool().giveBack(vu);
                } else {
                    // Closed with every other VU at the end of the test.
                    run.testRun().vuReleased();
                }
            }
            publish();
        }
        return null;
    }

    /** Pauses (the first {@code activeVus} finish their iteration and wait) or resumes them. */
    void pause(boolean pause, long activeVus) throws InterruptedException {
        if (pause == paused) {
            return;
        }
        if (pause) {
            for (int i = 0; i < activeVus; i++) {
                own.get(i).gracefulStop();
            }
            awaitIdle(0, activeVus);
        } else {
            for (int i = 0; i < activeVus; i++) {
                own.get(i).start();
            }
            for (int i = 0; i < activeVus; i++) {
                while (!own.get(i).holdsVu() && !run.stopping()) {
                    Thread.sleep(1);
                }
            }
        }
        paused = pause;
    }

    private void awaitIdle(long from, long to) throws InterruptedException {
        for (long i = from; i < to; i++) {
            while (own.get((int) i).holdsVu() && !run.stopping()) {
                Thread.sleep(5);
            }
        }
    }

    /** The scenario is over: ends every handle and gives the planned VUs back to the pool. */
    void release() throws InterruptedException {
        for (VuHandle handle : own) {
            handle.finish();
        }
        for (int i = 0; i < vusOfHandles.size(); i++) {
            if (i < planned) {
                run.pool().giveBack(vusOfHandles.get(i));
            }
        }
        handles = List.of();
    }
}
