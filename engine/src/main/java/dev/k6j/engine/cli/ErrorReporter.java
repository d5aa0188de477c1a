package dev.k6j.engine.cli;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.vu.LogFormat;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one readable line on stderr and the right exit code; {@code --verbose} adds the stack trace.
 * On a terminal the line is {@code error: …}; elsewhere, as k6 logs its errors, a log line in the log format
 * ({@code time=… level=error msg=…} by default), which tools such as k6-operator look for.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        boolean verbose = matched(parsed, "--verbose") != null;
        LogFormat format = new LogSettings(null, matched(parsed, "--log-format"), matched(parsed, "--no-color") != null,
                false, null).errorFormat();
        PrintWriter err = cli.getErr();
        if (e instanceof K6jException k6j) {
            err.println(line(format, k6j.getMessage()));
            if (verbose && k6j.getCause() != null) {
                k6j.getCause().printStackTrace(err);
            }
            err.flush();
            return k6j.exitCode().code();
        }
        err.println(line(format, "k6j failed unexpectedly: " + e
                + (verbose ? "" : " (run again with --verbose for the stack trace, and please report it)")));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.GENERIC_ENGINE.code();
    }

    /** One error line in the format of the log. */
    static String line(LogFormat format, String message) {
        return format == LogFormat.TEXT ? "error: " + message : format.line("error", message, Map.of());
    }

    /** The value of an option given to the command or any of its subcommands, or null ("" for a flag). */
    private static String matched(ParseResult parsed, String name) {
        for (ParseResult result = parsed; result != null;
             result = result.subcommands().isEmpty() ? null : result.subcommands().get(0)) {
            if (result.hasMatchedOption(name)) {
                Object value = result.matchedOption(name).getValue();
                return value instanceof Boolean ? "" : String.valueOf(value);
            }
        }
        return null;
    }

    /**
     * Bad flags or arguments: one line in k6's words ({@code unknown flag: --x}, {@code unknown command "x" for
     * "k6j"}) and exit code 255, as k6 (cobra returns -1 for a command line it can't parse, before any config
     * exists; a bad option value found later is 104, invalid config).
     */
    static final class Usage implements IParameterExceptionHandler {

        /** k6's exit code for a command line that doesn't parse. */
        static final int EXIT_CODE = 255;

        @Override
        public int handleParseException(ParameterException e, String[] args) {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(line(formatOf(args), message(e)));
            err.flush();
            return EXIT_CODE;
        }

        static String message(ParameterException e) {
            CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
                String first = unmatched.getUnmatched().get(0);
                if (first.startsWith("--")) {
                    return "unknown flag: " + first.split("=", 2)[0];
                }
                if (first.startsWith("-") && first.length() > 1) {
                    return "unknown shorthand flag: '" + first.charAt(1) + "' in " + first;
                }
                if (spec.parent() == null) {
                    return "unknown command \"" + first + "\" for \"" + spec.name() + "\"";
                }
                if (!spec.positionalParameters().isEmpty()) {
                    return "accepts 1 arg(s), received " + (1 + unmatched.getUnmatched().size()) + ": " + argHint(spec);
                }
                return "unknown command \"" + first + "\" for \"" + spec.qualifiedName() + "\"";
            }
            if (e instanceof CommandLine.MissingParameterException missing
                    && missing.getMissing().stream().anyMatch(arg -> arg instanceof CommandLine.Model.PositionalParamSpec)) {
                return "accepts 1 arg(s), received 0: " + argHint(spec);
            }
            return e.getMessage();
        }

        private static String argHint(CommandLine.Model.CommandSpec spec) {
            return spec.name().equals("run")
                    ? "arg should either be \"-\", if reading script from stdin, or a path to a script file"
                    : "give the script or archive";
        }

        /** The log format the command line asks for, read from the raw arguments (they did not parse). */
        private static LogFormat formatOf(String[] args) {
            List<String> list = List.of(args);
            String format = null;
            for (int i = 0; i < list.size(); i++) {
                String arg = list.get(i);
                if (arg.startsWith("--log-format=")) {
                    format = arg.substring("--log-format=".length());
                } else if (arg.equals("--log-format") && i + 1 < list.size()) {
                    format = list.get(i + 1);
                }
            }
            return new LogSettings(null, format, list.contains("--no-color"), false, null).errorFormat();
        }
    }
}
