package dev.k6j.engine.executor;

import dev.k6j.engine.config.ScenarioConfig;
import dev.k6j.engine.errors.K6jException;
import java.time.Duration;

/** {@code constant-vus}: a fixed number of VUs loop over iterations for a duration. */
public final class ConstantVus implements Executor {

    private final ScenarioConfig config;
    private final long vus;
    private final Duration duration;

    public ConstantVus(ScenarioConfig config) {
        this.config = config;
        this.vus = config.nonNegative("vus", 1);
        this.duration = config.duration("duration", null);
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw K6jException.invalidConfig(config.where("duration") + " is required and must be more than 0, "
                    + "such as '30s'");
        }
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
        return duration;
    }

    @Override
    public void run(ScenarioRun run) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        VuWorkers workers = run.newWorkers();
        for (int i = 0; i < vus; i++) {
            workers.start((worker, vu) -> {
                while (worker.active() && !run.stopping() && System.nanoTime() < end) {
                    run.iterate(vu);
                }
            });
        }
        sleepUntil(end, run);
        workers.finish(end + config.gracefulStop().toNanos());
    }

    /** Sleeps until {@code deadline} (a nanoTime value), waking early when the test stops. */
    static void sleepUntil(long deadline, ScenarioRun run) throws InterruptedException {
        while (!run.stopping()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            Thread.sleep(Duration.ofNanos(Math.min(remaining, 50_000_000L)));
        }
    }
}
