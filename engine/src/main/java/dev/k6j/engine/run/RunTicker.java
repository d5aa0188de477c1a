package dev.k6j.engine.run;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.metrics.BuiltinMetrics;
import dev.k6j.engine.metrics.MetricsEngine;
import dev.k6j.engine.metrics.ThresholdResults;
import dev.k6j.engine.metrics.Thresholds;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * What happens on a clock while scenarios run, on one daemon thread: the {@code vus}/{@code vus_max} gauges every
 * second, and thresholds every two seconds (stopping the test when an {@code abortOnFail} threshold fails, and
 * noting whether any is crossed for the REST API's {@code tainted}).
 */
final class RunTicker implements AutoCloseable {

    private static final long TICK_MILLIS = 200;

    private final MetricsEngine metrics;
    private final Thresholds thresholds;
    private final TestRunState testRun;
    private final BuiltinMetrics builtin;
    private final TagSet tags;
    private final boolean evaluateThresholds;
    private final Consumer<ThresholdResults> thresholdListener;
    private final Thread thread;
    private volatile boolean running = true;
    private long ticks;

    private RunTicker(MetricsEngine metrics, Thresholds thresholds, TestRunState testRun, BuiltinMetrics builtin,
                      TagSet tags, boolean evaluateThresholds, Consumer<ThresholdResults> thresholdListener) {
        this.metrics = metrics;
        this.thresholds = thresholds;
        this.testRun = testRun;
        this.builtin = builtin;
        this.tags = tags;
        this.evaluateThresholds = evaluateThresholds;
        this.thresholdListener = thresholdListener;
        this.thread = Thread.ofPlatform().daemon().name("k6j-ticker").start(this::loop);
    }

    /**
     * @param tags              the test-wide tags the gauges carry, as k6's run tags
     * @param thresholdListener gets each evaluation's results (outputs that follow thresholds live)
     */
    static RunTicker start(MetricsEngine metrics, Thresholds thresholds, TestRunState testRun, BuiltinMetrics builtin,
                           TagSet tags, boolean noThresholds, Consumer<ThresholdResults> thresholdListener) {
        return new RunTicker(metrics, thresholds, testRun, builtin, tags, !noThresholds && !thresholds.isEmpty(),
                thresholdListener);
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            ticks++;
            // First sample after one tick, when the executors have started their VUs; then every second.
            if (ticks % 5 == 1) {
                emitVus();
            }
            if (evaluateThresholds && ticks % 10 == 0) {
                checkThresholds();
            }
        }
    }

    private void emitVus() {
        emitVus(metrics, builtin, testRun, tags);
    }

    /** One {@code vus} and {@code vus_max} sample now; also for a run stopped before its scenarios started. */
    static void emitVus(MetricsEngine metrics, BuiltinMetrics builtin, TestRunState testRun, TagSet tags) {
        long now = Sample.nowNanos();
        metrics.push(List.of(
                new Sample(builtin.vus, now, testRun.vusActive(), tags, TagSet.EMPTY),
                new Sample(builtin.vusMax, now, testRun.vusInitialized(), tags, TagSet.EMPTY)));
    }

    private void checkThresholds() {
        metrics.flush();
        ThresholdResults results = thresholds.evaluate(metrics.snapshot(), testRun.elapsed());
        testRun.setTainted(results.anyFailed());
        thresholdListener.accept(results);
        if (results.abort()) {
            testRun.stop(new TestRunState.StopReason(ExitCode.THRESHOLDS_FAILED, results.abortMessage().orElse(
                    "a threshold with abortOnFail was crossed; stopping the test")));
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
