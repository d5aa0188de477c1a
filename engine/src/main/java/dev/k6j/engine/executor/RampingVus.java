package dev.k6j.engine.executor;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.progress.Progress;
import dev.k6j.engine.progress.ProgressFormats;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.scenario.Stage;
import dev.k6j.engine.segment.ExecutionTuple;
import dev.k6j.engine.vu.VirtualUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ramping-vus}: the number of looping VUs follows the stages, one VU at a time. When the target drops, VUs
 * finish their iteration and stop; one still running {@code gracefulRampDown} later is interrupted (k6's raw and
 * graceful steps, see {@link RampingVusPlan}).
 */
public final class RampingVus extends BaseExecutor {

    private static final long IDLE_CHECK_NANOS = 10_000_000L;

    private final long startVus;
    private final List<Stage> stages;
    private final Duration gracefulRampDown;
    private final List<ExecutionStep> rawSteps;
    private final List<ExecutionStep> gracefulSteps;
    private final Duration regularDuration;
    private final long maxVus;
    private volatile List<VuHandle> handles = List.of();

    public RampingVus(ScenarioConfig config, ExecutionTuple tuple) {
        super(config, tuple);
        ScenarioChecks checks = new ScenarioChecks(config, "startVUs", "stages", "gracefulRampDown");
        this.startVus = checks.number("startVUs", 1);
        this.stages = checks.stages();
        this.gracefulRampDown = checks.duration("gracefulRampDown", Duration.ofSeconds(30));
        checks.check(startVus < 0 ? "the number of start VUs can't be negative" : null);
        long maxTarget = Math.max(startVus, stages.stream().mapToLong(Stage::target).max().orElse(0));
        checks.check(maxTarget <= 0 ? "either startVUs or one of the stages' target values must be greater than 0"
                : null);
        checks.throwIfAny();
        this.rawSteps = RampingVusPlan.rawSteps(startVus, stages, tuple, true);
        this.gracefulSteps = RampingVusPlan.requirements(startVus, stages, tuple, gracefulRampDown,
                config.gracefulStop());
        this.regularDuration = ExecutionPlan.endOffset(rawSteps);
        this.maxVus = ExecutionPlan.maxPlannedVus(gracefulSteps);
    }

    /** The VUs that should loop over time (for tests). */
    List<ExecutionStep> rawSteps() {
        return rawSteps;
    }

    @Override
    public List<ExecutionStep> executionRequirements() {
        return gracefulSteps;
    }

    @Override
    public boolean hasWork() {
        return maxVus > 0;
    }

    @Override
    public String description() {
        long maxTarget = Math.max(startVus, stages.stream().mapToLong(Stage::target).max().orElse(0));
        return describe("Up to " + tuple.scale(maxTarget) + " looping VUs for " + Durations.format(Stage.total(stages))
                + " over " + stages.size() + " stages", "gracefulRampDown: " + Durations.format(gracefulRampDown));
    }

    @Override
    public Progress progress() {
        long active = handles.stream().filter(VuHandle::holdsVu).count();
        String format = ProgressFormats.intFormat(maxVus);
        String vus = String.format(Locale.ROOT, format + "/" + format + " VUs", active, maxVus);
        Duration spent = elapsed();
        if (spent.compareTo(regularDuration) > 0 || regularDuration.isZero()) {
            return Progress.of(1, vus, Durations.format(regularDuration));
        }
        return Progress.of((double) spent.toNanos() / regularDuration.toNanos(), vus,
                ProgressFormats.fixedDuration(spent, regularDuration) + "/"
                        + ProgressFormats.fixedDuration(regularDuration, regularDuration));
    }

    @Override
    public void run(ScenarioRun run) throws InterruptedException {
        long start = markStart(run);
        List<VuHandle> all = new ArrayList<>();
        VuHandle.VuSource source = new VuHandle.VuSource() {
            public VirtualUser get() throws InterruptedException {
                return run.pool().take();
            }

            public void giveBack(VirtualUser vu) {
                run.pool().giveBack(vu);
            }
        };
        for (int i = 0; i < maxVus; i++) {
            all.add(run.newHandle(source));
        }
        handles = List.copyOf(all);
        Steps steps = new Steps();
        try {
            int raw = 0;
            int graceful = 0;
            while (raw < rawSteps.size()) {
                ExecutionStep r = rawSteps.get(raw);
                if (graceful < gracefulSteps.size() && gracefulSteps.get(graceful).offset().compareTo(r.offset()) < 0) {
                    if (!Sleeps.until(start + gracefulSteps.get(graceful).offset().toNanos(), run)) {
                        return;
                    }
                    steps.allow(gracefulSteps.get(graceful++));
                } else {
                    if (!Sleeps.until(start + r.offset().toNanos(), run)) {
                        return;
                    }
                    steps.schedule(rawSteps.get(raw++));
                }
            }
            run.markStopping();
            // The stages are over: wait for the VUs still finishing an iteration, cutting them as the graceful steps say.
            while (!run.stopping() && handles.stream().anyMatch(VuHandle::holdsVu)) {
                long now = run.clock().nanoTime();
                if (graceful < gracefulSteps.size() && now >= start + gracefulSteps.get(graceful).offset().toNanos()) {
                    steps.allow(gracefulSteps.get(graceful++));
                    continue;
                }
                long next = graceful < gracefulSteps.size() ? start + gracefulSteps.get(graceful).offset().toNanos()
                        : Long.MAX_VALUE;
                run.clock().sleepUntil(Math.min(next, now + IDLE_CHECK_NANOS));
            }
        } finally {
            for (VuHandle handle : all) {
                handle.finish();
            }
        }
    }

    /** Applies steps to the handles: raw steps start and gracefully stop VUs, graceful steps hard-stop them. */
    private final class Steps {
        private int scheduled;
        private int allowed;

        void schedule(ExecutionStep step) {
            int planned = (int) step.plannedVus();
            for (; scheduled < planned; scheduled++) {
                handles.get(scheduled).start();
            }
            for (; planned < scheduled; scheduled--) {
                handles.get(scheduled - 1).gracefulStop();
            }
        }

        void allow(ExecutionStep step) {
            int planned = (int) step.plannedVus();
            for (; planned < allowed; allowed--) {
                handles.get(allowed - 1).hardStop();
            }
            allowed = planned;
        }
    }
}
