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
 * {@code shared-iterations}: a fixed number of iterations shared by a fixed number of VUs, each VU taking the next
 * one as soon as it is free; iterations not started by {@code maxDuration} are dropped. With execution segments the
 * iterations follow the VUs: an instance with 1 of 3 VUs runs a third of the iterations.
 */
public final class SharedIterations extends BaseExecutor {

    private final long vus;
    private final long iterations;
    private final Duration maxDuration;
    private final ExecutionTuple iterationTuple;
    private final AtomicLong done = new AtomicLong();

    public SharedIterations(ScenarioConfig config, ExecutionTuple tuple) {
        super(config, tuple);
        ScenarioChecks checks = new ScenarioChecks(config, "vus", "iterations", "maxDuration");
        long allVus = checks.number("vus", 1);
        long allIterations = checks.number("iterations", 1);
        this.maxDuration = checks.duration("maxDuration", Duration.ofMinutes(10));
        checks.check(allVus <= 0 ? "the number of VUs must be more than 0" : null);
        checks.check(allIterations < allVus ? "the number of iterations (" + allIterations + ") can't be less than "
                + "the number of VUs (" + allVus + ")" : null);
        checks.check(maxDuration.compareTo(ScenarioChecks.MIN_DURATION) < 0 ? "the maxDuration must be at least 1s, "
                + "but is " + Durations.format(maxDuration) : null);
        checks.throwIfAny();
        this.vus = tuple.scale(allVus);
        this.iterationTuple = tuple.forValue(allVus);
        this.iterations = iterationTuple == null ? 0 : iterationTuple.scale(allIterations);
    }

    @Override
    public ExecutionTuple iterationTuple() {
        return iterationTuple == null ? tuple : iterationTuple;
    }

    @Override
    public List<ExecutionStep> executionRequirements() {
        if (vus == 0) {
            return List.of(ExecutionStep.of(Duration.ZERO, 0));
        }
        return List.of(ExecutionStep.of(Duration.ZERO, vus),
                ExecutionStep.of(maxDuration.plus(config.gracefulStop()), 0));
    }

    @Override
    public boolean hasWork() {
        return vus > 0 && iterations > 0;
    }

    @Override
    public String description() {
        return describe(iterations + " iterations shared among " + vus + " VUs",
                "maxDuration: " + Durations.format(maxDuration));
    }

    @Override
    public Progress progress() {
        long current = done.get();
        String vusText = String.format(Locale.ROOT, ProgressFormats.intFormat(vus) + " VUs", vus);
        String format = ProgressFormats.intFormat(iterations);
        String iters = String.format(Locale.ROOT, format + "/" + format + " shared iters", current, iterations);
        String spent = ProgressFormats.fixedDuration(elapsed(), maxDuration) + "/" + Durations.format(maxDuration);
        return Progress.of(iterations == 0 ? 1 : (double) current / iterations, vusText, spent, iters);
    }

    @Override
    public void run(ScenarioRun run) throws InterruptedException {
        long start = markStart(run);
        long regularEnd = start + maxDuration.toNanos();
        AtomicLong attempted = new AtomicLong();
        VuWorkers workers = run.newWorkers();
        for (int i = 0; i < vus; i++) {
            workers.start((worker, vu) -> {
                while (worker.active() && !run.stopping() && run.clock().nanoTime() < regularEnd) {
                    if (attempted.incrementAndGet() > iterations) {
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
        long notStarted = iterations - Math.min(attempted.get(), iterations);
        if (!run.stopping()) {
            run.dropIterations(notStarted);
        }
    }
}
