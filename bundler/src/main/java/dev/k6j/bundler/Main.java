package dev.k6j.bundler;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code bundler} command's entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this; it never exits the JVM). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new BundlerCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            PrintWriter err = commandLine.getErr();
            if (e instanceof BundlerException) {
                err.println("error: " + e.getMessage());
                if (verbose && e.getCause() != null) {
                    e.getCause().printStackTrace(err);
                }
            } else {
                err.println("error: the bundler failed unexpectedly: " + e
                        + (verbose ? "" : " (run again with --verbose for the stack trace)"));
                if (verbose) {
                    e.printStackTrace(err);
                }
            }
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    /** {@code bundler}: the top-level command. */
    @CommandLine.Command(name = "bundler", mixinStandardHelpOptions = true,
            versionProvider = BundlerCommand.VersionProvider.class,
            description = "Builds a custom k6j engine with the extensions you choose, as xk6 build does for k6.",
            subcommands = {BuildCommand.class, ListCommand.class})
    static final class BundlerCommand implements Runnable {
        @Override
        public void run() {
            new CommandLine(this).usage(System.out);
        }

        static final class VersionProvider implements CommandLine.IVersionProvider {
            @Override
            public String[] getVersion() {
                return new String[] {"k6j bundler " + BundlerVersion.get()};
            }
        }
    }
}
