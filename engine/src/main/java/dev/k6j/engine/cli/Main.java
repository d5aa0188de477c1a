package dev.k6j.engine.cli;

import dev.k6j.engine.js.JsRuntime;
import picocli.CommandLine;

/** The {@code k6j} command's entry point. */
public final class Main {

    private Main() {
    }

    /** Whether Ctrl-C is handled by the CLI; only in a real process, not when tests call {@link #run}. */
    static volatile boolean handleSignals;

    /** Ctrl-C during {@code k6j run}, handled from the JVM's first moments (start-up takes seconds when busy). */
    static volatile Interrupts.Target interrupts;

    public static void main(String[] args) {
        handleSignals = true;
        if (args.length > 0 && args[0].equals("run")) {
            interrupts = Interrupts.install();
        }
        // Nearly every command needs the JavaScript engine (run, inspect, version): start it on another core now.
        JsRuntime.prepare();
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (for tests, which must not call System.exit). */
    public static int run(String... args) {
        CommandLine cli = K6jCommand.commandLine(args);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(new ErrorReporter.Usage());
        return cli.execute(args);
    }
}
