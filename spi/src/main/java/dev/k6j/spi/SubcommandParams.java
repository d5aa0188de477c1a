package dev.k6j.spi;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Subcommand} gets from the engine.
 *
 * @param arguments        everything after the command's name, as typed
 * @param environment      the process environment
 * @param workingDirectory the directory relative paths are resolved against
 * @param stdout           the engine's standard output
 * @param stderr           the engine's standard error
 */
public record SubcommandParams(List<String> arguments, Map<String, String> environment, Path workingDirectory,
                               PrintStream stdout, PrintStream stderr) {

    public SubcommandParams {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }
}
