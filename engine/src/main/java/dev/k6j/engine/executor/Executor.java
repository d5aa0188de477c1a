package dev.k6j.engine.executor;

import dev.k6j.engine.config.ScenarioConfig;
import java.time.Duration;

/**
 * Schedules one scenario's iterations on VUs, as one of k6's executors does.
 *
 * <p>Threads: {@link #run} is called once, on the scenario's own thread, and returns when the scenario is over
 * (including its graceful stop). It runs VUs on threads it starts through {@link VuWorkers}.
 */
public interface Executor {

    ScenarioConfig config();

    /** The most VUs this scenario uses at once (they are initialized before the test starts). */
    int maxVus();

    /** How long the scenario runs at most, not counting its graceful stop. */
    Duration maxDuration();

    /** How far the scenario has come, from 0 to 1, {@code elapsed} after it started. */
    default double progress(Duration elapsed) {
        long total = maxDuration().toNanos();
        return total <= 0 ? 1 : Math.min(1, (double) elapsed.toNanos() / total);
    }

    /** Runs the scenario to its end. */
    void run(ScenarioRun run) throws InterruptedException;
}
