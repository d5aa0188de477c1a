package dev.k6j.engine.run;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.config.ScenarioConfig;
import dev.k6j.engine.executor.Executor;
import java.time.Duration;

/** One-line descriptions of scenarios for the banner, worded as k6 words them. */
final class ExecutorDescriptions {

    private ExecutorDescriptions() {
    }

    static String describe(Executor executor) {
        ScenarioConfig c = executor.config();
        String graceful = "gracefulStop: " + Durations.format(c.gracefulStop());
        String start = c.startTime().isZero() ? "" : "startTime: " + Durations.format(c.startTime()) + ", ";
        return switch (c.executor()) {
            case "shared-iterations" -> c.nonNegative("iterations", 1) + " iterations shared among "
                    + executor.maxVus() + " VUs (" + start + "maxDuration: " + Durations.format(executor.maxDuration())
                    + ", " + graceful + ")";
            case "per-vu-iterations" -> c.nonNegative("iterations", 1) + " iterations for each of "
                    + executor.maxVus() + " VUs (" + start + "maxDuration: " + Durations.format(executor.maxDuration())
                    + ", " + graceful + ")";
            case "constant-vus" -> executor.maxVus() + " looping VUs for " + Durations.format(executor.maxDuration())
                    + " (" + start + graceful + ")";
            case "ramping-vus" -> "Up to " + executor.maxVus() + " looping VUs for "
                    + Durations.format(executor.maxDuration()) + " over " + c.stages().size() + " stages ("
                    + start + "gracefulRampDown: " + Durations.format(c.duration("gracefulRampDown",
                    Duration.ofSeconds(30))) + ", " + graceful + ")";
            default -> c.executor() + " (" + start + graceful + ")";
        };
    }
}
