package dev.k6j.engine.executor;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.segment.ExecutionTuple;
import java.util.Comparator;
import java.util.List;

/** Creates the executors scenarios name, for this instance's execution segment. */
public final class Executors {

    private Executors() {
    }

    public static Executor create(ScenarioConfig config, ExecutionTuple tuple) {
        return switch (config.executor()) {
            case "shared-iterations" -> new SharedIterations(config, tuple);
            case "per-vu-iterations" -> new PerVuIterations(config, tuple);
            case "constant-vus" -> new ConstantVus(config, tuple);
            case "ramping-vus" -> new RampingVus(config, tuple);
            case "constant-arrival-rate" -> new ConstantArrivalRate(config, tuple);
            case "ramping-arrival-rate" -> new RampingArrivalRate(config, tuple);
            case "externally-controlled" -> new ExternallyControlled(config, tuple);
            default -> throw K6jException.invalidConfig("scenario '" + config.name() + "': unknown executor '"
                    + config.executor() + "'");
        };
    }

    /** Every scenario's executor, sorted as k6 sorts them: by start time, then name. */
    public static List<Executor> createAll(List<ScenarioConfig> scenarios, ExecutionTuple tuple) {
        return scenarios.stream()
                .sorted(Comparator.comparing(ScenarioConfig::startTime).thenComparing(ScenarioConfig::name))
                .map(config -> create(config, tuple))
                .toList();
    }
}
