package dev.k6j.engine.executor;

import dev.k6j.engine.config.ScenarioConfig;
import dev.k6j.engine.errors.K6jException;

/** Creates the executor a scenario names. */
public final class Executors {

    private Executors() {
    }

    public static Executor create(ScenarioConfig config) {
        return switch (config.executor()) {
            case "shared-iterations" -> new SharedIterations(config);
            case "per-vu-iterations" -> new PerVuIterations(config);
            case "constant-vus" -> new ConstantVus(config);
            case "ramping-vus" -> new RampingVus(config);
            default -> throw K6jException.invalidConfig("scenario '" + config.name() + "': the executor '"
                    + config.executor() + "' is not available in this k6j version yet; use shared-iterations, "
                    + "per-vu-iterations, constant-vus or ramping-vus");
        };
    }
}
