package dev.k6j.engine.cli;

import picocli.CommandLine.Command;

/** {@code k6j}: the top-level command. */
@Command(name = "k6j",
        description = "A load-testing engine for the JVM that runs k6 scripts.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        subcommands = {RunCommand.class, InspectCommand.class, ArchiveCommand.class, NewCommand.class,
                VersionCommand.class, StatusCommand.class, PauseCommand.class, ResumeCommand.class, ScaleCommand.class,
                CompletionCommand.class, DepsCommand.class, ExtensionCommand.class})
public final class K6jCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
