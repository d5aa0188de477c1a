package dev.k6j.engine.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.config.ConfigFile;
import dev.k6j.engine.config.EnvironmentOptions;
import dev.k6j.engine.config.OptionLayers;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.vu.VirtualUser;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/** Reads the script's exported {@code options} and merges every layer of options in k6's order. */
final class ScriptOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptOptions() {
    }

    /** The script's {@code export const options}, as JSON-like data (empty if none). */
    static Map<String, Object> exported(VirtualUser vu) {
        return vu.inContext(() -> {
            Value options = vu.namespace().getMember("options");
            if (options == null || options.isNull()) {
                return Map.of();
            }
            String json = vu.convert().stringify(options);
            if (json == null || !json.startsWith("{")) {
                throw K6jException.invalidConfig("the script's exported 'options' must be an object");
            }
            try {
                return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (Exception e) {
                throw K6jException.invalidConfig("cannot read the script's options: " + e.getMessage());
            }
        });
    }

    /** defaults &lt; config file &lt; script options &lt; K6_* environment &lt; CLI flags. */
    static Map<String, Object> consolidate(Path configFile, Map<String, Object> script, Map<String, String> env,
                                           Map<String, Object> cli) {
        Map<String, Object> fromFile = configFile == null ? Map.of() : optionsOf(ConfigFile.read(configFile));
        return OptionLayers.merge(List.of(fromFile, script, EnvironmentOptions.read(env), cli));
    }

    /** The config file without its output settings, which are not test options. */
    private static Map<String, Object> optionsOf(Map<String, Object> file) {
        Map<String, Object> options = new LinkedHashMap<>(file);
        options.remove("out");
        options.remove("collectors");
        options.remove("webDashboard");
        return options;
    }
}
