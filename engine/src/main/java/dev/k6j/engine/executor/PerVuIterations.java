package dev.k6j.engine.executor;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.progress.Progress;
import dev.k6j.engine.progress.ProgressFormats;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.segment.ExecutionTuple;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code per-vu-iterations}: each of a fixed number of VUs runs the same number of iterations; those not started by
 * {@code maxDuration} are dropped. Execution segments split the VUs, never the iterations per VU.
 */
public final class PerVuIterations extends BaseExecutor {

    private final long vus;
    private final long iterations;
    private final Duration maxDuration;
    private final AtomicLong done = new AtomicLong();

    public PerVuIterations(ScenarioConfig config, ExecutionTuple tuple) {
        super(config, tuple);
        ScenarioChecks checks = new ScenarioChecks(config, "vus", "iterations", "maxDuration");
        long allVus = checks.number("vus", 1);
        this.iterations = checks.number("iterations", 1);
        this.maxDuration = checks.duration("maxDuration", Duration.ofMinutes(10));
        checks.check(allVus <= 0 ? "the number of VUs must be more than 0" : null);
        checks.check(iterations <= 0 ? "the number of iterations must be more than 0" : null);
        checks.check(maxDuration.compareTo(ScenarioChecks.MIN_DURATION) < 0 ? "the maxDuration must be at least 1s, "
                + "but is " + Durations.format(maxDuration) : null);
        checks.throwIfAny();
        this.vus = tuple.scale(allVus);
    }

    @Override
    public List<ExecutionStep> executionRequirements() {
        return List.of(ExecutionStep.of(Duration.ZERO, vus),
                ExecutionStep.of(maxDuration.plus(config.gracefulStop()), 0));
    }

    @Override
    public boolean hasWork() {
        return vus > 0 && iterations > 0;
    }

    @Override
    public String description() {
        return describe(iterations + " iterations for each of " + vus + " VUs",
                "maxDuration: " + Durations.format(maxDuration));
    }

    @Override
    public Progress progress() {
        long total = vus * iterations;
        long current = done.get();
        String vusText = String.format(Locale.ROOT, ProgressFormats.intFormat(vus) + " VUs", vus);
        String format = ProgressFormats.intFormat(total);
        String iters = String.format(Locale.ROOT, format + "/" + format + " iters, %d per VU", current, total,
                iterations);
        Duration spent = elapsed();
        if (spent.compareTo(maxDuration) > 0) {
            return Progress.of(1, vusText, Durations.format(maxDuration), iters);
        }
        String time = ProgressFormats.fixedDuration(spent, maxDuration) + "/" + Durations.format(maxDuration);
        return Progress.of(total == 0 ? 1 : (double) current / total, vusText, time, iters);
    }

    @Override
    public void run(ScenarioRun run) throws InterruptedException {
        long start = markStart(run);
        long regularEnd = start + maxDuration.toNanos();
        AtomicLong dropped = new AtomicLong();
        VuWorkers workers = run.newWorkers();
        for (int i = 0; i < vus; i++) {
            workers.start((worker, vu) -> {
                for (long n = 0; n < iterations; n++) {
                    if (run.stopping()) {
                        return;
                    }
                    if (!worker.active() || run.clock().nanoTime() >= regularEnd) {
                        dropped.addAndGet(iterations - n);
                        return;
                    }
                    run.iterate(vu, worker::hardStopped);
                    done.incrementAndGet();
                }
            });
        }
        if (!workers.awaitAll(regularEnd)) {
            run.markStopping();
        }
        workers.finish(regularEnd + config.gracefulStop().toNanos());
        if (!run.stopping()) {
            run.dropIterations(dropped.get());
        }
    }
}
