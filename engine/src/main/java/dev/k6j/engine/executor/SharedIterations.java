package dev.k6j.engine.executor;

import dev.k6j.engine.config.ScenarioConfig;
import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** {@code shared-iterations}: a fixed number of iterations shared by a fixed number of VUs. */
public final class SharedIterations implements Executor {

    private final ScenarioConfig config;
    private final long vus;
    private final long iterations;
    private final Duration maxDuration;
    private final AtomicLong taken = new AtomicLong();

    public SharedIterations(ScenarioConfig config) {
        this.config = config;
        this.vus = config.nonNegative("vus", 1);
        this.iterations = config.nonNegative("iterations", 1);
        this.maxDuration = config.duration("maxDuration", Duration.ofMinutes(10));
        if (vus == 0) {
            throw K6jException.invalidConfig(config.where("vus") + " must be at least 1");
        }
        if (iterations < vus) {
            throw K6jException.invalidConfig("the number of iterations (" + iterations + ") can't be less than the "
                    + "number of VUs (" + vus + ") in scenario '" + config.name() + "'");
        }
    }

    @Override
    public ScenarioConfig config() {
        return config;
    }

    @Override
    public int maxVus() {
        return (int) vus;
    }

    @Override
    public Duration maxDuration() {
        return maxDuration;
    }

    @Override
    public double progress(Duration elapsed) {
        return Math.min(1, (double) taken.get() / iterations);
    }

    @Override
    public void run(ScenarioRun run) throws InterruptedException {
        long end = System.nanoTime() + maxDuration.toNanos();
        VuWorkers workers = run.newWorkers();
        for (int i = 0; i < vus; i++) {
            workers.start((worker, vu) -> {
                while (worker.active() && !run.stopping() && System.nanoTime() < end
                        && taken.getAndIncrement() < iterations) {
                    run.iterate(vu);
                }
            });
        }
        for (VuWorkers.Worker worker : workers.all()) {
            worker.await(Duration.ofNanos(end - System.nanoTime()));
        }
        workers.finish(end + config.gracefulStop().toNanos());
    }
}
