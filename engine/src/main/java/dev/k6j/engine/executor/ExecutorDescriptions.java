package dev.k6j.engine.executor;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.scenario.ScenarioConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The parenthesized facts at the end of each scenario's banner line, in k6's order ({@code getBaseInfo}). */
public final class ExecutorDescriptions {

    private ExecutorDescriptions() {
    }

    /**
     * {@code " (facts..., exec: fn, startTime: 10s, gracefulStop: 30s)"}; exec only when given, startTime and
     * gracefulStop only when more than 0; empty when there is nothing to say.
     */
    public static String baseInfo(ScenarioConfig config, String... facts) {
        List<String> all = new ArrayList<>(Arrays.asList(facts));
        if (config.has("exec")) {
            all.add("exec: " + config.exec());
        }
        if (!config.startTime().isZero()) {
            all.add("startTime: " + Durations.format(config.startTime()));
        }
        if (!config.gracefulStop().isZero()) {
            all.add("gracefulStop: " + Durations.format(config.gracefulStop()));
        }
        return all.isEmpty() ? "" : " (" + String.join(", ", all) + ")";
    }
}
