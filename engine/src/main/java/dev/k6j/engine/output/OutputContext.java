package dev.k6j.engine.output;

import dev.k6j.engine.errors.K6jException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the run offers every output: the configuration sources and the standard streams. Immutable.
 *
 * @param jsonConfig       the whole {@code --config} file as JSON-like data (empty if none)
 * @param environment      the environment variables (system plus {@code -e K=V})
 * @param scriptOptions    the consolidated test options as JSON-like data
 * @param workingDirectory the directory relative file names are resolved against
 * @param stdout           the engine's standard output
 * @param stderr           the engine's standard error
 * @param loggers          a logger per output name
 * @param scriptPath       the script as the banner names it (empty outside a run)
 */
public record OutputContext(
        Map<String, Object> jsonConfig,
        Map<String, String> environment,
        Map<String, Object> scriptOptions,
        Path workingDirectory,
        PrintStream stdout,
        PrintStream stderr,
        java.util.function.Function<String, System.Logger> loggers,
        String scriptPath) {

    /** A context with no script path. */
    public OutputContext(Map<String, Object> jsonConfig, Map<String, String> environment,
                         Map<String, Object> scriptOptions, Path workingDirectory, PrintStream stdout,
                         PrintStream stderr, java.util.function.Function<String, System.Logger> loggers) {
        this(jsonConfig, environment, scriptOptions, workingDirectory, stdout, stderr, loggers, "");
    }

    /** A context whose outputs log through {@link System#getLogger} (tests, tools). */
    public OutputContext(Map<String, Object> jsonConfig, Map<String, String> environment,
                         Map<String, Object> scriptOptions, Path workingDirectory, PrintStream stdout,
                         PrintStream stderr) {
        this(jsonConfig, environment, scriptOptions, workingDirectory, stdout, stderr, System::getLogger);
    }

    /** The key of the config-file object that holds one section per output name, as in k6's {@code Config}. */
    public static final String COLLECTORS_KEY = "collectors";

    public OutputContext {
        jsonConfig = jsonConfig == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(jsonConfig));
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        scriptOptions = scriptOptions == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(scriptOptions));
        workingDirectory = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory;
        stdout = stdout == null ? System.out : stdout;
        stderr = stderr == null ? System.err : stderr;
        loggers = loggers == null ? System::getLogger : loggers;
        scriptPath = scriptPath == null ? "" : scriptPath;
    }

    /** A context with no config file or options, the process environment, the current directory and streams. */
    public static OutputContext ofProcess() {
        return new OutputContext(Map.of(), System.getenv(), Map.of(), null, System.out, System.err);
    }

    /**
     * The config-file section of one output: {@code collectors.<name>} as k6 reads it, or else a top-level
     * {@code <name>} object; empty if neither is there.
     */
    public Map<String, Object> sectionFor(String outputName) {
        if (jsonConfig.get(COLLECTORS_KEY) instanceof Map<?, ?> collectors && collectors.containsKey(outputName)) {
            Object section = collectors.get(outputName);
            if (section == null) {
                return Map.of();
            }
            if (!(section instanceof Map<?, ?> map)) {
                throw K6jException.invalidConfig("the config file's collectors." + outputName
                        + " must be an object with the '" + outputName + "' output's options");
            }
            return asStringKeyed(map);
        }
        if (jsonConfig.get(outputName) instanceof Map<?, ?> map) {
            return asStringKeyed(map);
        }
        return Map.of();
    }

    private static Map<String, Object> asStringKeyed(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return Collections.unmodifiableMap(copy);
    }
}
