package dev.k6j.engine.executor;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.config.OptionValues;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.scenario.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an executor's options and collects what is wrong with them, with k6's messages, to fail once with all of
 * them: {@code scenario ramp has configuration errors: at least one stage has to be specified, ...}. Used while an
 * executor is constructed, on one thread.
 */
final class ScenarioChecks {

    /** The smallest duration k6 accepts for a scenario ({@code minDuration}). */
    static final Duration MIN_DURATION = Duration.ofSeconds(1);

    private static final Set<String> COMMON = Set.of("executor", "startTime", "gracefulStop", "env", "exec", "tags",
            "options");

    private final ScenarioConfig config;
    private final List<String> errors = new ArrayList<>();

    ScenarioChecks(ScenarioConfig config, String... keys) {
        this.config = config;
        Set<String> known = new LinkedHashSet<>(COMMON);
        known.addAll(List.of(keys));
        for (String key : config.params().keySet()) {
            if (!known.contains(key)) {
                throw K6jException.invalidConfig("scenario '" + config.name() + "': unknown option '" + key + "' for "
                        + "the " + config.executor() + " executor; its options are " + String.join(", ", known));
            }
        }
        check(config.startTime().isNegative() ? "the startTime can't be negative" : null);
        check(config.gracefulStop().isNegative() ? "the gracefulStop timeout can't be negative" : null);
        check(config.has("exec") && config.exec().isEmpty() ? "exec value cannot be empty" : null);
    }

    /** A whole number option, or {@code null} when not given. */
    Long number(String key) {
        return OptionValues.wholeNumber(config.params().get(key), config.where(key));
    }

    long number(String key, long defaultValue) {
        Long value = number(key);
        return value == null ? defaultValue : value;
    }

    /** A duration option, or {@code null} when not given. */
    Duration duration(String key) {
        return OptionValues.duration(config.params().get(key), config.where(key), null);
    }

    Duration duration(String key, Duration defaultValue) {
        Duration value = duration(key);
        return value == null ? defaultValue : value;
    }

    /** Adds {@code error} unless it is {@code null}. */
    void check(String error) {
        if (error != null) {
            errors.add(error);
        }
    }

    void checkDuration(String name, Duration value) {
        if (value == null) {
            errors.add("the " + name + " is unspecified");
        } else if (value.compareTo(MIN_DURATION) < 0) {
            errors.add("the " + name + " must be at least " + Durations.format(MIN_DURATION) + ", but is "
                    + Durations.format(value));
        }
    }

    /** The {@code stages} option, checked as k6's {@code validateStages}; invalid parts read as 0. */
    List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        List<Object> raw = OptionValues.list(config.params().get("stages"), config.where("stages"));
        if (raw.isEmpty()) {
            errors.add("at least one stage has to be specified");
            return stages;
        }
        for (int i = 0; i < raw.size(); i++) {
            int number = i + 1;
            Map<String, Object> stage = OptionValues.object(raw.get(i), config.where("stages") + "[" + i + "]");
            Duration duration = stage.get("duration") == null ? null
                    : OptionValues.duration(stage.get("duration"), config.where("stages") + "[" + i + "].duration",
                    Duration.ZERO);
            Long target = OptionValues.wholeNumber(stage.get("target"), config.where("stages") + "[" + i + "].target");
            if (duration == null) {
                errors.add("stage " + number + " doesn't have a duration");
            } else if (duration.isNegative()) {
                errors.add("the duration for stage " + number + " can't be negative");
            }
            if (target == null) {
                errors.add("stage " + number + " doesn't have a target");
            } else if (target < 0) {
                errors.add("the target for stage " + number + " can't be negative");
            }
            stages.add(new Stage(duration == null || duration.isNegative() ? Duration.ZERO : duration,
                    target == null || target < 0 ? 0 : target));
        }
        return stages;
    }

    /** Throws one invalid-config error listing everything found wrong, if anything was. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw K6jException.invalidConfig("scenario " + config.name() + " has configuration errors: "
                    + String.join(", ", errors));
        }
    }
}
