package dev.k6j.engine.cli;

import dev.k6j.engine.vu.ConsoleLog;
import picocli.CommandLine.Option;

/** Flags every command accepts, as k6's global flags. */
public final class GlobalOptions {

    @Option(names = {"-v", "--verbose"}, description = "Show debug logs and, on errors, the stack trace.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print no banner and no progress.")
    boolean quiet;

    @Option(names = "--no-color", description = "Print no ANSI colours (also with NO_COLOR set).")
    boolean noColor;

    @Option(names = "--log-output", paramLabel = "OUTPUT",
            description = "Where logs go: stderr (default), stdout, none, file=PATH[,level=LEVEL].")
    String logOutput;

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "Log format: json or raw; by default k6's text (logfmt when not on a terminal).")
    String logFormat;

    private ConsoleLog console;

    boolean color() {
        return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
    }

    /** The log these flags describe (one per command), with {@code console.*} lines to {@code consoleOutput}. */
    ConsoleLog console(String consoleOutput) {
        if (console == null) {
            console = new LogSettings(logOutput, logFormat, noColor, verbose, consoleOutput).console();
        }
        return console;
    }

    /** The log these flags describe. */
    ConsoleLog console() {
        return console(null);
    }
}
