package dev.k6j.spi;

import java.util.Map;
import java.util.function.Consumer;

/**
 * An output's settings while they are read from its three sources, each overriding what the ones before it set, in
 * k6's order: the {@code --config} file's section, then the environment, then the {@code --out name=argument}
 * (k6's {@code Config.Apply}). A subclass holds the settings, reads each source, and checks the result at the end.
 * Used by one thread, once.
 *
 * <pre>{@code
 * final class SampleCountSettings extends LayeredConfig {
 *     Duration period = Duration.ofSeconds(1);
 *     public void applyJson(Map<String, Object> json) {
 *         fromJson(json, "period", "the config file's period", v -> period = v.duration());
 *     }
 *     public void applyEnvironment(Map<String, String> env) {
 *         fromEnvironment(env, "SAMPLE_COUNT_PERIOD", v -> period = v.duration());
 *     }
 *     public void applyArgument(String argument) {
 *         if (!argument.isBlank()) period = new ConfigValue("--out sample-count", argument).duration();
 *     }
 * }
 * // new SampleCountSettings().apply(params)
 * }</pre>
 */
public abstract class LayeredConfig {

    /** Reads the {@code --config} file's section of this output (JSON-like data; empty when none). */
    public abstract void applyJson(Map<String, Object> json);

    /** Reads the output's environment variables. */
    public abstract void applyEnvironment(Map<String, String> environment);

    /** Reads the text after {@code =} in {@code --out name=argument} (empty when none). */
    public abstract void applyArgument(String argument);

    /** Reads every source of {@code params}, weakest first. */
    public final void apply(OutputParams params) {
        applyJson(params.jsonConfig());
        applyEnvironment(params.environment());
        applyArgument(params.configArgument());
    }

    /** Calls {@code setter} with the variable {@code name} when the environment sets it. */
    protected static void fromEnvironment(Map<String, String> environment, String name, Consumer<ConfigValue> setter) {
        String value = environment.get(name);
        if (value != null) {
            setter.accept(new ConfigValue(name, value));
        }
    }

    /** Calls {@code setter} with the JSON key {@code key} when it is there and not {@code null}. */
    protected static void fromJson(Map<String, Object> json, String key, String where, Consumer<ConfigValue> setter) {
        Object value = json.get(key);
        if (value != null) {
            setter.accept(new ConfigValue(where, value));
        }
    }
}
