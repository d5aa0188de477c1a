package dev.k6j.engine.executor;

import dev.k6j.engine.config.ScenarioConfig;
import dev.k6j.engine.config.Stage;
import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ramping-vus}: the number of looping VUs follows the stages linearly. When the target drops, VUs finish
 * their iteration and stop; one still running after {@code gracefulRampDown} is interrupted.
 */
public final class RampingVus implements Executor {

    private static final long TICK_NANOS = 5_000_000L;

    private final ScenarioConfig config;
    private final long startVus;
    private final List<Stage> stages;
    private final Duration gracefulRampDown;
    private final Duration duration;

    public RampingVus(ScenarioConfig config) {
        this.config = config;
        this.startVus = config.nonNegative("startVUs", 1);
        this.stages = config.stages();
        this.gracefulRampDown = config.duration("gracefulRampDown", Duration.ofSeconds(30));
        if (stages.isEmpty()) {
            throw K6jException.invalidConfig(config.where("stages") + " needs at least one stage, "
                    + "such as [{ duration: '30s', target: 10 }]");
        }
        this.duration = Stage.total(stages);
        if (maxVus() == 0) {
            throw K6jException.invalidConfig("scenario '" + config.name() + "' never has any VU: startVUs and every "
                    + "stage target are 0");
        }
    }

    @Override
    public ScenarioConfig config() {
        return config;
    }

    @Override
    public int maxVus() {
        long max = startVus;
        for (Stage stage : stages) {
            max = Math.max(max, stage.target());
        }
        return (int) max;
    }

    @Override
    public Duration maxDuration() {
        return duration;
    }

    /** The planned VU count {@code elapsed} after the start: linear within each stage, rounded down. */
    long targetAt(Duration elapsed) {
        long nanos = elapsed.toNanos();
        double from = startVus;
        for (Stage stage : stages) {
            long length = stage.duration().toNanos();
            if (nanos < length) {
                double value = from + (stage.target() - from) * ((double) nanos / length);
                return (long) Math.floor(value + 1e-9);
            }
            nanos -= length;
            from = stage.target();
        }
        return (long) from;
    }

    @Override
    public void run(ScenarioRun run) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        VuWorkers workers = run.newWorkers();
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < maxVus(); i++) {
            slots.add(new Slot());
        }
        while (!run.stopping()) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long target = targetAt(Duration.ofNanos(now - start));
            for (int i = 0; i < slots.size(); i++) {
                Slot slot = slots.get(i);
                if (i < target) {
                    slot.ensureRunning(workers, run, end);
                } else {
                    slot.rampDown(now, gracefulRampDown.toNanos());
                }
            }
            Thread.sleep(Duration.ofNanos(Math.min(TICK_NANOS, Math.max(0, end - now))));
        }
        workers.finish(end + config.gracefulStop().toNanos());
    }

    /** The VU at one index of the ramp: running, ramping down, or idle. */
    private static final class Slot {
        private VuWorkers.Worker worker;
        private long rampDownSince = -1;

        void ensureRunning(VuWorkers workers, ScenarioRun run, long end) {
            if (worker != null && worker.active() && !worker.finished()) {
                return;
            }
            rampDownSince = -1;
            worker = workers.start((self, vu) -> {
                while (self.active() && !run.stopping() && System.nanoTime() < end) {
                    run.iterate(vu);
                }
            });
        }

        void rampDown(long now, long gracefulRampDownNanos) {
            if (worker == null || worker.finished()) {
                return;
            }
            if (worker.active()) {
                worker.deactivate();
                rampDownSince = now;
            } else if (rampDownSince >= 0 && now - rampDownSince > gracefulRampDownNanos) {
                worker.interrupt();
                rampDownSince = -1;
            }
        }
    }
}
