package dev.k6j.engine.cli;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.spi.Subcommand;
import dev.k6j.spi.SubcommandParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands extensions add ({@link Subcommand}, found with {@link ServiceLoader} on the engine's class path and in
 * bundles), as picocli subcommands of {@code k6j} that take every argument as it is and hand it over. A command whose
 * name the engine already uses is left out. Called once by {@link Main} on the main thread.
 */
final class ExtensionCommands {

    private ExtensionCommands() {
    }

    static void addTo(CommandLine cli) {
        for (Subcommand command : ServiceLoader.load(Subcommand.class, ExtensionCommands.class.getClassLoader())) {
            if (!cli.getSubcommands().containsKey(command.name())) {
                cli.addSubcommand(command.name(), commandLineOf(command));
            }
        }
    }

    private static CommandLine commandLineOf(Subcommand command) {
        PositionalParamSpec arguments = PositionalParamSpec.builder().arity("0..*").paramLabel("ARGUMENTS")
                .type(List.class).auxiliaryTypes(String.class).description("see " + command.name() + " --help")
                .build();
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> run(command, arguments));
        spec.name(command.name()).addPositional(arguments);
        spec.usageMessage().description(command.description());
        spec.parser().unmatchedOptionsArePositionalParams(true);
        return new CommandLine(spec);
    }

    private static int run(Subcommand command, PositionalParamSpec arguments) throws Exception {
        List<String> given = arguments.getValue() == null ? List.of() : arguments.getValue();
        try {
            return command.run(new SubcommandParams(new ArrayList<>(given), System.getenv(),
                    Path.of("").toAbsolutePath(), System.out, System.err));
        } catch (IllegalArgumentException e) {
            throw K6jException.invalidConfig(e.getMessage());
        }
    }
}
