package dev.k6j.engine.executor;

import dev.k6j.engine.config.ScenarioConfig;
import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** {@code per-vu-iterations}: each of a fixed number of VUs runs the same number of iterations. */
public final class PerVuIterations implements Executor {

    private final ScenarioConfig config;
    private final long vus;
    private final long iterations;
    private final Duration maxDuration;
    private final AtomicLong done = new AtomicLong();

    public PerVuIterations(ScenarioConfig config) {
        this.config = config;
        this.vus = config.nonNegative("vus", 1);
        this.iterations = config.nonNegative("iterations", 1);
        this.maxDuration = config.duration("maxDuration", Duration.ofMinutes(10));
        if (vus == 0) {
            throw K6jException.invalidConfig(config.where("vus") + " must be at least 1");
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
        return Math.min(1, (double) done.get() / (vus * iterations));
    }

    @Override
    public void run(ScenarioRun run) throws InterruptedException {
        long end = System.nanoTime() + maxDuration.toNanos();
        VuWorkers workers = run.newWorkers();
        for (int i = 0; i < vus; i++) {
            workers.start((worker, vu) -> {
                for (long n = 0; n < iterations && worker.active() && !run.stopping() && System.nanoTime() < end; n++) {
                    run.iterate(vu);
                    done.incrementAndGet();
                }
            });
        }
        for (VuWorkers.Worker worker : workers.all()) {
            worker.await(Duration.ofNanos(end - System.nanoTime()));
        }
        workers.finish(end + config.gracefulStop().toNanos());
    }
}
