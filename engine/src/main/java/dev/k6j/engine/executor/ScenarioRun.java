package dev.k6j.engine.executor;

import dev.k6j.engine.config.ScenarioConfig;
import dev.k6j.engine.run.TestRunState;
import dev.k6j.engine.vu.IterationRunner;
import dev.k6j.engine.vu.IterationRunner.Outcome;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.spi.TagSet;
import java.util.concurrent.ThreadFactory;

/**
 * What an executor works with while its scenario runs: the VU pool, how to run one iteration, and whether the
 * test is stopping. Thread-safe.
 */
public final class ScenarioRun {

    private final ScenarioConfig config;
    private final ScenarioStateImpl state;
    private final VuPool pool;
    private final IterationRunner iterations;
    private final TestRunState testRun;
    private final String setupData;
    private final ThreadFactory vuThreads;
    private final TagSet scenarioTags;

    public ScenarioRun(ScenarioConfig config, ScenarioStateImpl state, VuPool pool, IterationRunner iterations,
                       TestRunState testRun, String setupData, ThreadFactory vuThreads) {
        this.config = config;
        this.state = state;
        this.pool = pool;
        this.iterations = iterations;
        this.testRun = testRun;
        this.setupData = setupData;
        this.vuThreads = vuThreads;
        this.scenarioTags = TagSet.of(config.tags());
    }

    /** Whether the whole test is stopping (abort, failed threshold, Ctrl-C): start no new iterations. */
    public boolean stopping() {
        return testRun.stopping();
    }

    /** Runs one iteration of this scenario on {@code vu}. Called on the worker thread holding the VU. */
    public Outcome iterate(VirtualUser vu) {
        long number = state.nextIteration();
        vu.state().enterScenario(state.forIteration(number), scenarioTags);
        testRun.iterationStarted(vu);
        Outcome outcome = Outcome.INTERRUPTED;
        try {
            outcome = iterations.run(vu, config.exec(), setupData);
        } finally {
            testRun.iterationEnded(vu, outcome == Outcome.INTERRUPTED);
        }
        return outcome;
    }

    /** A new set of worker threads for this scenario. */
    public VuWorkers newWorkers() {
        return new VuWorkers(pool, testRun, vuThreads);
    }

    public ScenarioStateImpl state() {
        return state;
    }

    public ScenarioConfig config() {
        return config;
    }
}
