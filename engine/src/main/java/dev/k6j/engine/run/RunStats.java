package dev.k6j.engine.run;

import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.progress.ProgressFormats;
import java.time.Duration;
import java.util.Locale;

/**
 * The line above the scenarios' progress bars: {@code running (0m05.0s), 10/10 VUs, 42 complete and 0 interrupted
 * iterations}, as k6's {@code getRunStats}. Any thread.
 */
final class RunStats {

    private final TestRunState testRun;
    private final Duration maxDuration;
    private final String vusFormat;

    /**
     * @param maxDuration the test's longest duration, which sets the width of the time
     * @param maxVus      the most VUs the test may have, which sets the width of the VU counts
     */
    RunStats(TestRunState testRun, Duration maxDuration, long maxVus) {
        this.testRun = testRun;
        this.maxDuration = maxDuration;
        this.vusFormat = ProgressFormats.intFormat(maxVus);
    }

    String line() {
        String status = testRun.paused() ? "paused" : "running";
        if (testRun.started()) {
            status += " (" + ProgressFormats.fixedDuration(testRun.elapsed(), maxDuration) + ")";
        }
        return String.format(Locale.ROOT, "%s, " + vusFormat + "/" + vusFormat + " VUs, %d complete and %d "
                        + "interrupted iterations", status, testRun.vusActive(), testRun.vusInitialized(),
                testRun.iterationsCompleted(), testRun.iterationsInterrupted());
    }
}
