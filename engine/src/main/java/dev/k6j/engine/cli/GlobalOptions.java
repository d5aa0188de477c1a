package dev.k6j.engine.cli;

import picocli.CommandLine.Option;

/** Flags every command accepts, as k6's global flags. */
public final class GlobalOptions {

    @Option(names = {"-v", "--verbose"}, description = "Show debug logs and, on errors, the stack trace.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print no banner and no progress.")
    boolean quiet;

    @Option(names = "--no-color", description = "Print no ANSI colours (also with NO_COLOR set).")
    boolean noColor;

    boolean color() {
        return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
    }
}
