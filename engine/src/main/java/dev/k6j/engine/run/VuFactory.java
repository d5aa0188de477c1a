package dev.k6j.engine.run;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.engine.vu.VuEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        try {
            vu.init();
        } catch (RuntimeException e) {
            vu.close();
            throw e;
        }
        return vu;
    }

    /** One more test VU with the next ids, on the current thread; counts as initialized. */
    VirtualUser createNext(VuIds ids) {
        VirtualUser vu = create(ids.next());
        testRun.vuInitialized();
        return vu;
    }

    /** {@code count} test VUs, initialized in parallel. A script error in any of them fails the whole call. */
    List<VirtualUser> createAll(long count, VuIds ids) throws InterruptedException {
        int threads = (int) Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        List<VirtualUser> vus = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon()
                .name("k6j-vu-init-", 0).factory())) {
            List<Future<VirtualUser>> futures = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                futures.add(pool.submit(() -> createNext(ids)));
            }
            for (Future<VirtualUser> future : futures) {
                try {
                    vus.add(future.get());
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    vus.forEach(VirtualUser::close);
                    if (e.getCause() instanceof K6jException k6j) {
                        throw k6j;
                    }
                    throw new K6jException(ExitCode.GENERIC_ENGINE, "could not initialize VUs: " + e.getCause(),
                            e.getCause());
                }
            }
        }
        return vus;
    }
}
