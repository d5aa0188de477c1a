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
 * evaluated per VU, as k6 does).
 */
final class VuFactory {

    private final VuEnvironment environment;
    private final TestRunState testRun;

    VuFactory(VuEnvironment environment, TestRunState testRun) {
        this.environment = environment;
        this.testRun = testRun;
    }

    /** One initialized VU with the given id, on the current thread. */
    VirtualUser create(long id) {
        VirtualUser vu = new VirtualUser(environment, id);
        try {
            vu.init();
        } catch (RuntimeException e) {
            vu.close();
            throw e;
        }
        return vu;
    }

    /** VUs 1..count, initialized in parallel. A script error in any of them fails the whole call. */
    List<VirtualUser> createAll(int count) throws InterruptedException {
        int threads = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        List<VirtualUser> vus = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon()
                .name("k6j-vu-init-", 0).factory())) {
            List<Future<VirtualUser>> futures = new ArrayList<>();
            for (long id = 1; id <= count; id++) {
                long vuId = id;
                futures.add(pool.submit(() -> {
                    VirtualUser vu = create(vuId);
                    testRun.vuInitialized();
                    return vu;
                }));
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
