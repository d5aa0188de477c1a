package dev.k6j.engine.scenario;

import dev.k6j.engine.config.OptionValues;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One scenario of {@code options.scenarios} with its common keys; executor-specific keys stay in {@code params}
 * and are read by the executor.
 *
 * @param name         the scenario's name (the key in {@code scenarios}; {@code default} for shortcuts)
 * @param executor     the executor's name, e.g. {@code constant-vus}
 * @param startTime    when the scenario starts, from the test's start
 * @param gracefulStop how long running iterations may go on after the scenario's end
 * @param exec         the exported function to run
 * @param env          extra {@code __ENV} entries for this scenario
 * @param tags         tags on every sample of this scenario
 * @param params       all keys as given, for the executor
 */
public record ScenarioConfig(String name, String executor, Duration startTime, Duration gracefulStop, String exec,
                             Map<String, String> env, Map<String, String> tags, Map<String, Object> params) {

    public static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(30);

    /** Where this scenario's options are named in messages: {@code scenarios.name.key}. */
    public String where(String key) {
        return "scenarios." + name + "." + key;
    }

    public long nonNegative(String key, long defaultValue) {
        return OptionValues.nonNegative(params.get(key), where(key), defaultValue);
    }

    public Duration duration(String key, Duration defaultValue) {
        return OptionValues.duration(params.get(key), where(key), defaultValue);
    }

    public boolean has(String key) {
        return params.get(key) != null;
    }

    /** The {@code stages} key: each with its duration and target. */
    public List<Stage> stages() {
        return Stage.parse(params.get("stages"), where("stages"));
    }
}
