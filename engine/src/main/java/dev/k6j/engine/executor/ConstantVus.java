package dev.k6j.engine.executor;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.progress.Progress;
import dev.k6j.engine.progress.ProgressFormats;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.segment.ExecutionTuple;
import java.time.Duration;
import java.util.List;

/** {@code constant-vus}: a fixed number of VUs loop over iterations for a duration. */
public final class ConstantVus extends BaseExecutor {

    private final long vus;
    private final Duration duration;

    public ConstantVus(ScenarioConfig config, ExecutionTuple tuple) {
        super(config, tuple);
        ScenarioChecks checks = new ScenarioChecks(config, "vus", "duration");
        long allVus = checks.number("vus", 1);
        this.duration = checks.duration("duration");
        checks.check(allVus <= 0 ? "the number of VUs must be more than 0" : null);
        checks.checkDuration("duration", duration);
        checks.throwIfAny();
        this.vus = tuple.scale(allVus);
    }

    @Override
    public List<ExecutionStep> executionRequirements() {
        return List.of(ExecutionStep.of(Duration.ZERO, vus),
                ExecutionStep.of(duration.plus(config.gracefulStop()), 0));
    }

    @Override
    public boolean hasWork() {
        return vus > 0;
    }

    @Override
    public String description() {
        return describe(vus + " looping VUs for " + Durations.format(duration));
    }

    @Override
    public Progress progress() {
        Duration spent = elapsed();
        String vusText = vus + " VUs";
        if (spent.compareTo(duration) > 0) {
            return Progress.of(1, vusText, Durations.format(duration));
        }
        return Progress.of((double) spent.toNanos() / duration.toNanos(), vusText,
                ProgressFormats.fixedDuration(spent, duration) + "/" + Durations.format(duration));
    }

    @Override
    public void run(ScenarioRun run) throws InterruptedException {
        long start = markStart(run);
        long end = start + duration.toNanos();
        VuWorkers workers = run.newWorkers();
        for (int i = 0; i < vus; i++) {
            workers.start((worker, vu) -> {
                while (worker.active() && !run.stopping() && run.clock().nanoTime() < end) {
                    run.iterate(vu, worker::hardStopped);
                }
            });
        }
        Sleeps.until(end, run);
        run.markStopping();
        workers.finish(end + config.gracefulStop().toNanos());
    }
}
