package dev.k6j.engine.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code k6j}: the top-level command. Its subcommands are added by {@link #commandLine}: every one, or only the one a
 * command line names, because picocli builds its model of a command by reflection in classes the JVM's start-up cache
 * cannot hold (picocli is Java 5 bytecode), and the whole tree cost every start about a third of a second.
 */
@Command(name = "k6j",
        description = "A load-testing engine for the JVM that runs k6 scripts.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class)
public final class K6jCommand implements Runnable {

    /** The engine's own subcommands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put("run", RunCommand::new);
        BUILT_IN.put("inspect", InspectCommand::new);
        BUILT_IN.put("archive", ArchiveCommand::new);
        BUILT_IN.put("new", NewCommand::new);
        BUILT_IN.put("version", VersionCommand::new);
        BUILT_IN.put("status", StatusCommand::new);
        BUILT_IN.put("pause", PauseCommand::new);
        BUILT_IN.put("resume", ResumeCommand::new);
        BUILT_IN.put("scale", ScaleCommand::new);
        BUILT_IN.put("completion", CompletionCommand::new);
        BUILT_IN.put("deps", DepsCommand::new);
        BUILT_IN.put("extension", ExtensionCommand::new);
    }

    /** The whole tree: every built-in subcommand and those extensions add. */
    static CommandLine commandLine() {
        CommandLine root = new CommandLine(new K6jCommand());
        BUILT_IN.values().forEach(command -> root.addSubcommand(command.get()));
        ExtensionCommands.addTo(root);
        return root;
    }

    /**
     * The tree {@code args} need: when they start with a built-in subcommand, only that one (its help, errors and
     * usage read the same; {@code completion} builds the whole tree it describes itself); otherwise (top-level help,
     * a mistyped command, an extension's command) all.
     */
    static CommandLine commandLine(String... args) {
        Supplier<Object> named = args.length > 0 ? BUILT_IN.get(args[0]) : null;
        if (named == null) {
            return commandLine();
        }
        CommandLine root = new CommandLine(new K6jCommand());
        root.addSubcommand(named.get());
        return root;
    }

    @Spec
    CommandSpec spec;

    /** {@code k6j} alone: the usage of the tree picocli is running, which is the whole one. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
