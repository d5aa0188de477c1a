package dev.k6j.engine.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges option layers with k6's precedence: defaults &lt; {@code --config} file &lt; script {@code options} &lt;
 * {@code K6_*} environment &lt; command-line flags. Each layer is JSON-like data keyed by k6's option names.
 *
 * <p>As in k6, a layer that sets any execution option ({@code duration}, {@code iterations}, {@code stages},
 * {@code scenarios}) replaces all execution options of the layers below it, so {@code k6j run -d 10s} overrides a
 * script's {@code stages} instead of conflicting with them.
 */
public final class OptionLayers {

    /** The options that together describe the workload. */
    public static final Set<String> EXECUTION_KEYS = Set.of("duration", "iterations", "stages", "scenarios");

    private OptionLayers() {
    }

    /** Merges layers, lowest precedence first. */
    public static Map<String, Object> merge(List<Map<String, Object>> layersLowestFirst) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map<String, Object> layer : layersLowestFirst) {
            if (layer.keySet().stream().anyMatch(EXECUTION_KEYS::contains)) {
                EXECUTION_KEYS.forEach(result::remove);
            }
            for (Map.Entry<String, Object> option : layer.entrySet()) {
                if (option.getValue() != null) {
                    result.put(option.getKey(), option.getValue());
                }
            }
        }
        return result;
    }
}
