package dev.k6j.engine.run;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.engine.vu.VuEnvironment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creates VUs and runs their init code, in parallel on the machine's cores (a context is built and the script
 * evaluated per VU, as k6 does). Thread-safe.
 */
final class VuFactory {

    private final VuEnvironment environment;
    private final TestRunState testRun;

    VuFactory(VuEnvironment environment, TestRunState testRun) {
        this.environment = environment;
        this.testRun = testRun;
    }

    /** The service VU (id 0: options, setup, teardown, handleSummary), on the current thread. */
    VirtualUser create(long id) {
        return create(new VuIds.Ids(id, id));
    }

    private VirtualUser create(VuIds.Ids ids) {
        VirtualUser vu = new VirtualUser(environment, ids.inInstance(), ids.inTest());
        testRun.interruptible(vu);
        try {
            vu.init();
        } catch (RuntimeException e) {
            vu.close();
            throw e;
        } finally {
            testRun.noLongerInterruptible(vu);
        }
        return vu;
    }

    /** One more test VU with the next ids, on the current thread; counts as initialized. */
    VirtualUser createNext(VuIds ids) {
        VirtualUser vu = create(ids.next());
        testRun.vuInitialized();
        return vu;
    }

    /**
     * {@code count} test VUs, initialized in parallel, in id order. A script error in any of them fails the whole
     * call. A stop of the test ends it early: the VUs being initialized are interrupted, and those ready are
     * returned. The budget measures the first VUs of a large run and stops one that can't fit.
     */
    List<VirtualUser> createAll(long count, VuIds ids, VuMemoryBudget budget) throws InterruptedException {
        budget.measureFirstVus(count, 0);
        AtomicLong initialized = new AtomicLong();
        int threads = (int) Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        List<VirtualUser> vus = Collections.synchronizedList(new ArrayList<>());
        AtomicLong started = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().daemon().name("k6j-vu-init-" + i).start(() -> {
                // Each worker takes the next VU until all are started, so a huge count costs no memory up front.
                while (failure.get() == null && !testRun.stopping() && started.getAndIncrement() < count) {
                    try {
                        vus.add(createNext(ids));
                        budget.measureFirstVus(count, initialized.incrementAndGet());
                    } catch (RuntimeException e) {
                        if (!testRun.stopping()) {
                            failure.compareAndSet(null, e);
                        }
                    }
                }
            }));
        }
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            testRun.stop(new TestRunState.StopReason(ExitCode.EXTERNAL_ABORT, "interrupted while initializing VUs"));
            throw e;
        }
        if (failure.get() != null) {
            vus.forEach(VirtualUser::close);
            throw failure.get() instanceof K6jException k6j ? k6j : new K6jException(ExitCode.GENERIC_ENGINE,
                    "could not initialize VUs: " + failure.get(), failure.get());
        }
        List<VirtualUser> inOrder = new ArrayList<>(vus);
        inOrder.sort(Comparator.comparingLong(vu -> vu.state().id()));
        return inOrder;
    }
}
