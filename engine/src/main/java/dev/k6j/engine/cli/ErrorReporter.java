package dev.k6j.engine.cli;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one readable line on stderr and the right exit code; {@code --verbose} adds the stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose") || parsed.subcommands().stream()
                .anyMatch(p -> p.hasMatchedOption("--verbose"));
        PrintWriter err = cli.getErr();
        if (e instanceof K6jException k6j) {
            err.println("error: " + k6j.getMessage());
            if (verbose && k6j.getCause() != null) {
                k6j.getCause().printStackTrace(err);
            }
            err.flush();
            return k6j.exitCode().code();
        }
        err.println("error: k6j failed unexpectedly: " + e
                + (verbose ? "" : " (run again with --verbose for the stack trace, and please report it)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.GENERIC_ENGINE.code();
    }

    /**
     * Bad flags or arguments: one line, a hint to --help, and exit code 255, as k6 (cobra returns -1 for a command
     * line it can't parse, before any config exists; a bad option value found later is 104, invalid config).
     */
    static final class Usage implements IParameterExceptionHandler {

        /** k6's exit code for a command line that doesn't parse. */
        static final int EXIT_CODE = 255;

        @Override
        public int handleParseException(ParameterException e, String[] args) {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage());
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the flags.");
            err.flush();
            return EXIT_CODE;
        }
    }
}
