package dev.k6j.engine.run;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.executor.Executor;
import dev.k6j.engine.metrics.BuiltinMetrics;
import dev.k6j.engine.metrics.MetricsEngine;
import dev.k6j.engine.metrics.ThresholdResults;
import dev.k6j.engine.metrics.Thresholds;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What happens on a clock while scenarios run, on one daemon thread: the {@code vus}/{@code vus_max} gauges every
 * second, thresholds every two seconds (stopping the test when an {@code abortOnFail} threshold fails), and the
 * progress line.
 */
final class RunTicker implements AutoCloseable {

    private static final long TICK_MILLIS = 200;

    private final RunRequest request;
    private final MetricsEngine metrics;
    private final Thresholds thresholds;
    private final TestRunState testRun;
    private final BuiltinMetrics builtin;
    /** The test-wide tags ({@code --tag}, {@code options.tags}); k6 puts them on the vus gauges too. */
    private final TagSet testTags;
    private final List<Executor> executors;
    private final int maxVus;
    private final boolean evaluateThresholds;
    private final Thread thread;
    private volatile boolean running = true;
    private long ticks;

    private RunTicker(RunRequest request, MetricsEngine metrics, Thresholds thresholds, TestRunState testRun,
                      BuiltinMetrics builtin, TagSet testTags, List<Executor> executors, int maxVus, boolean evaluateThresholds) {
        this.request = request;
        this.metrics = metrics;
        this.thresholds = thresholds;
        this.testRun = testRun;
        this.builtin = builtin;
        this.testTags = testTags;
        this.executors = executors;
        this.maxVus = maxVus;
        this.evaluateThresholds = evaluateThresholds;
        this.thread = Thread.ofPlatform().daemon().name("k6j-ticker").start(this::loop);
    }

    static RunTicker start(RunRequest request, MetricsEngine metrics, Thresholds thresholds, TestRunState testRun,
                           BuiltinMetrics builtin, TagSet testTags, List<Executor> executors, int maxVus, boolean noThresholds) {
        return new RunTicker(request, metrics, thresholds, testRun, builtin, testTags, executors, maxVus,
                !noThresholds && !thresholds.isEmpty());
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
            showProgress();
        }
    }

    private void emitVus() {
        long now = Sample.nowNanos();
        metrics.push(List.of(
                new Sample(builtin.vus, now, testRun.vusActive(), testTags, TagSet.EMPTY),
                new Sample(builtin.vusMax, now, maxVus, testTags, TagSet.EMPTY)));
    }

    private void checkThresholds() {
        metrics.flush();
        ThresholdResults results = thresholds.evaluate(metrics.snapshot(), testRun.elapsed());
        if (results.abort()) {
            testRun.stop(new TestRunState.StopReason(ExitCode.THRESHOLDS_FAILED, results.abortMessage().orElse(
                    "a threshold with abortOnFail was crossed; stopping the test")));
        }
    }

    private void showProgress() {
        if (request.quiet()) {
            return;
        }
        if (request.stdoutIsTty()) {
            request.stderr().print("\r" + progressLine() + "\u001b[K");
            request.stderr().flush();
        } else if (ticks % 50 == 0) {
            request.stderr().println(progressLine());
        }
    }

    /** The last progress line, printed once the scenarios are over. */
    void finalProgress() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!request.quiet()) {
            request.stderr().print(request.stdoutIsTty() ? "\r" : "");
            request.stderr().println(progressLine() + (request.stdoutIsTty() ? "\u001b[K" : ""));
        }
    }

    private String progressLine() {
        Duration elapsed = testRun.elapsed();
        long minutes = elapsed.toMinutes();
        double seconds = elapsed.toSecondsPart() + elapsed.toMillisPart() / 1000.0;
        String width = String.valueOf(maxVus).length() > 1 ? "%0" + String.valueOf(maxVus).length() + "d" : "%d";
        return String.format(Locale.ROOT, "running (%dm%04.1fs), " + width + "/%d VUs, %d complete and %d interrupted "
                        + "iterations", minutes, seconds, testRun.vusActive(), maxVus, testRun.iterationsCompleted(),
                testRun.iterationsInterrupted());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
