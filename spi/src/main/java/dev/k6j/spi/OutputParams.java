package dev.k6j.spi;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything an output may read to configure itself.
 *
 * @param name             the {@code --out} name the user chose
 * @param configArgument   the text after {@code =} in {@code --out name=config}; empty if none
 * @param jsonConfig       this output's section of the {@code --config} file, if any (JSON-like data)
 * @param environment      the environment variables (system plus {@code -e K=V})
 * @param scriptOptions    the consolidated test options (JSON-like data)
 * @param workingDirectory the directory relative paths are resolved against
 * @param stdout           the engine's standard output
 * @param stderr           the engine's standard error
 * @param logger           a logger named after the output
 * @param scriptPath       the script as the run banner names it ({@code script.js}, {@code -} for stdin); empty when
 *                         the output is made outside a test run
 */
public record OutputParams(
        String name,
        String configArgument,
        Map<String, Object> jsonConfig,
        Map<String, String> environment,
        Map<String, Object> scriptOptions,
        Path workingDirectory,
        PrintStream stdout,
        PrintStream stderr,
        System.Logger logger,
        String scriptPath) {

    public OutputParams {
        scriptPath = scriptPath == null ? "" : scriptPath;
    }

    /** Params without a script path (tests, tools). */
    public OutputParams(String name, String configArgument, Map<String, Object> jsonConfig,
                        Map<String, String> environment, Map<String, Object> scriptOptions, Path workingDirectory,
                        PrintStream stdout, PrintStream stderr, System.Logger logger) {
        this(name, configArgument, jsonConfig, environment, scriptOptions, workingDirectory, stdout, stderr, logger,
                "");
    }
}
