package dev.k6j.engine.scenario;

import dev.k6j.engine.config.OptionValues;
import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the consolidated options into scenarios: {@code options.scenarios} as given, or one {@code default}
 * scenario from k6's shortcuts ({@code iterations} → shared-iterations, {@code duration} → constant-vus,
 * {@code stages} → ramping-vus; nothing → 1 VU, 1 iteration).
 */
public final class ScenarioPlanner {

    /** The executors k6 defines. */
    public static final Set<String> EXECUTORS = Set.of("shared-iterations", "per-vu-iterations", "constant-vus",
            "ramping-vus", "constant-arrival-rate", "ramping-arrival-rate", "externally-controlled");

    private ScenarioPlanner() {
    }

    public static List<ScenarioConfig> plan(Map<String, Object> options) {
        Object scenarios = options.get("scenarios");
        boolean shortcuts = options.get("duration") != null || options.get("iterations") != null
                || options.get("stages") != null;
        if (scenarios != null && !OptionValues.object(scenarios, "scenarios").isEmpty()) {
            if (shortcuts) {
                throw K6jException.invalidConfig("the 'scenarios' option can't be combined with the duration, "
                        + "iterations or stages shortcuts in the same place; define the workload in scenarios only");
            }
            return fromScenarios(OptionValues.object(scenarios, "scenarios"));
        }
        return List.of(fromShortcuts(options));
    }

    private static ScenarioConfig fromShortcuts(Map<String, Object> options) {
        Map<String, Object> params = new LinkedHashMap<>();
        Object vus = options.get("vus");
        boolean hasStages = options.get("stages") != null && !OptionValues.list(options.get("stages"), "stages").isEmpty();
        if (hasStages && (options.get("duration") != null || options.get("iterations") != null)) {
            throw K6jException.invalidConfig("using multiple execution config shortcuts simultaneously is not "
                    + "allowed: use stages, or duration, or iterations (with vus)");
        }
        String executor;
        if (options.get("iterations") != null) {
            executor = "shared-iterations";
            params.put("iterations", options.get("iterations"));
            params.put("vus", vus == null ? 1L : vus);
            if (options.get("duration") != null) {
                params.put("maxDuration", options.get("duration"));
            }
        } else if (options.get("duration") != null) {
            Duration duration = OptionValues.duration(options.get("duration"), "duration", Duration.ZERO);
            if (duration.isZero() || duration.isNegative()) {
                throw K6jException.invalidConfig("duration must be more than 0, got '" + options.get("duration") + "'");
            }
            executor = "constant-vus";
            params.put("duration", options.get("duration"));
            params.put("vus", vus == null ? 1L : vus);
        } else if (hasStages) {
            executor = "ramping-vus";
            params.put("stages", options.get("stages"));
            params.put("startVUs", vus == null ? 1L : vus);
        } else {
            executor = "shared-iterations";
            params.put("vus", vus == null ? 1L : vus);
            params.put("iterations", 1L);
        }
        params.put("executor", executor);
        return new ScenarioConfig("default", executor, Duration.ZERO, ScenarioConfig.DEFAULT_GRACEFUL_STOP,
                "default", Map.of(), Map.of(), params);
    }

    private static List<ScenarioConfig> fromScenarios(Map<String, Object> scenarios) {
        List<ScenarioConfig> result = new ArrayList<>();
        for (Map.Entry<String, Object> entry : scenarios.entrySet()) {
            String name = entry.getKey();
            if (!name.matches("[a-zA-Z0-9_-]+")) {
                throw K6jException.invalidConfig("scenario name '" + name + "' is invalid: use letters, digits, "
                        + "'_' and '-' only");
            }
            Map<String, Object> params = OptionValues.object(entry.getValue(), "scenarios." + name);
            String executor = OptionValues.string(params.get("executor"), "scenarios." + name + ".executor", null);
            if (executor == null) {
                throw K6jException.invalidConfig("scenarios." + name + " needs an executor, one of "
                        + String.join(", ", new java.util.TreeSet<>(EXECUTORS)));
            }
            if (!EXECUTORS.contains(executor)) {
                throw K6jException.invalidConfig("scenarios." + name + ".executor '" + executor
                        + "' is unknown; use one of " + String.join(", ", new java.util.TreeSet<>(EXECUTORS)));
            }
            String where = "scenarios." + name + ".";
            result.add(new ScenarioConfig(name, executor,
                    OptionValues.duration(params.get("startTime"), where + "startTime", Duration.ZERO),
                    OptionValues.duration(params.get("gracefulStop"), where + "gracefulStop",
                            ScenarioConfig.DEFAULT_GRACEFUL_STOP),
                    OptionValues.string(params.get("exec"), where + "exec", "default"),
                    OptionValues.stringMap(params.get("env"), where + "env"),
                    OptionValues.stringMap(params.get("tags"), where + "tags"),
                    params));
        }
        return result;
    }
}
