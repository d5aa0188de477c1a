package dev.k6j.engine.executor;

import dev.k6j.engine.execution.RunClock;
import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.progress.Progress;
import dev.k6j.engine.progress.ProgressBar;
import dev.k6j.engine.progress.ProgressFormats;
import dev.k6j.engine.progress.ProgressStatus;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.scenario.ScheduledScenario;
import dev.k6j.engine.vu.IterationRunner.Outcome;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One scenario of a test run: what its executor works with (VUs, how to run an iteration, whether the test is
 * stopping, how to emit dropped iterations) and its progress bar. Thread-safe.
 */
public final class ScenarioRun implements ScheduledScenario {

    private final Executor executor;
    private final ScenarioConfig config;
    private final RunContext context;
    private final IterationCounters counters;
    private final ScenarioStateImpl state;
    private final ProgressBar bar;
    private final TagSet scenarioTags;
    private final TagSet metricTags;

    public ScenarioRun(Executor executor, RunContext context) {
        this.executor = executor;
        this.config = executor.config();
        this.context = context;
        this.counters = new IterationCounters(executor.iterationTuple());
        this.state = new ScenarioStateImpl(config.name(), config.executor(), executor::progress, counters::count);
        this.bar = ProgressBar.of(config.name(), executor::progress);
        this.scenarioTags = TagSet.of(config.tags());
        TagSet tags = context.testTags();
        this.metricTags = context.systemTags().enabled("scenario") ? tags.with("scenario", config.name()) : tags;
    }

    public Executor executor() {
        return executor;
    }

    @Override
    public ScenarioConfig config() {
        return config;
    }

    /** Runs the scenario with its executor. Called by the scheduler, on the scenario's own thread. */
    @Override
    public void run() throws InterruptedException {
        executor.run(this);
    }

    public ScenarioStateImpl state() {
        return state;
    }

    @Override
    public ProgressBar bar() {
        return bar;
    }

    public TestRunState testRun() {
        return context.testRun();
    }

    /** Whether the whole test is stopping (abort, failed threshold, Ctrl-C): start no new iterations. */
    public boolean stopping() {
        return context.testRun().stopping();
    }

    /** The clock this scenario's schedule follows. */
    public RunClock clock() {
        return context.clock();
    }

    public VuPool pool() {
        return context.pool();
    }

    /**
     * Runs one iteration of this scenario on {@code vu}, numbering it. Called on the thread holding the VU.
     *
     * @param cut true when the iteration must not run (or go on): it then ends as interrupted
     */
    public Outcome iterate(VirtualUser vu, BooleanSupplier cut) {
        IterationCounters.Numbers numbers = counters.next();
        vu.enterScenario(state.forIteration(numbers), scenarioTags, config.env());
        TestRunState testRun = context.testRun();
        testRun.iterationStarted(vu);
        Outcome outcome = Outcome.INTERRUPTED;
        try {
            outcome = context.iterations().run(vu, config.exec(), context.setupData(),
                    () -> cut.getAsBoolean() || testRun.stopping());
        } finally {
            testRun.iterationEnded(vu, outcome == Outcome.INTERRUPTED);
        }
        return outcome;
    }

    /** A new set of worker threads for this scenario. */
    public VuWorkers newWorkers() {
        return new VuWorkers(this, context.vuThreads());
    }

    /** A VU handle for executors that start and stop VUs as they go (ramping-vus, externally-controlled). */
    VuHandle newHandle(VuHandle.VuSource source) {
        return new VuHandle(this, source, context.vuThreads());
    }

    java.util.concurrent.ThreadFactory vuThreads() {
        return context.vuThreads();
    }

    /** Emits {@code dropped_iterations}: iterations the scenario could not start. */
    public void dropIterations(long count) {
        if (count > 0) {
            context.samples().accept(List.of(new Sample(context.droppedIterations(), Sample.nowNanos(), count,
                    metricTags, TagSet.EMPTY)));
        }
    }

    /** Logs a warning about this scenario. */
    public void warn(String message) {
        context.console().log("warn", 0, message);
    }

    /** Logs an error about this scenario. */
    @Override
    public void error(String message) {
        context.console().log("error", 0, message);
    }

    /** Shows the bar waiting for the scenario's start time. Called by the scheduler. */
    @Override
    public void markWaiting(long startAtNanos) {
        Duration startTime = config.startTime();
        bar.setStatus(ProgressStatus.WAITING);
        bar.setProgress(() -> Progress.of(0, "waiting", ProgressFormats.fixedDuration(
                Duration.ofNanos(Math.max(0, startAtNanos - clock().nanoTime())), startTime)));
    }

    /** The scenario starts now (its executor starts its own clock). Called by the scheduler. */
    @Override
    public void markStarted() {
        bar.setStatus(ProgressStatus.RUNNING);
        bar.setProgress(executor::progress);
    }

    /**
     * The regular duration is over; iterations still running get their graceful stop. Called by the executor, and
     * shown only when there is a graceful stop to wait for and the test is not stopping.
     */
    public void markStopping() {
        if (!stopping() && !config.gracefulStop().isZero() && bar.status() == ProgressStatus.RUNNING) {
            bar.freeze();
            bar.setStatus(ProgressStatus.STOPPING);
        }
    }

    /** The scenario is over: done when it came all the way, interrupted otherwise. Called by the scheduler. */
    @Override
    public void markEnded(boolean started) {
        if (started) {
            bar.setProgress(executor::progress);
        }
        bar.freeze();
        boolean complete = started && !stopping() && executor.progress().fraction() >= 1;
        bar.setStatus(complete ? ProgressStatus.DONE : ProgressStatus.INTERRUPTED);
    }
}
