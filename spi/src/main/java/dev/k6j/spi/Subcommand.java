package dev.k6j.spi;

/**
 * A command an extension adds to the CLI, {@code k6j <name> [arguments]}: the web dashboard's
 * {@code k6j web-dashboard report events.ndjson report.html}, say. Register the class in
 * {@code META-INF/services/dev.k6j.spi.Subcommand}; it is found on the engine's class path and in bundles.
 *
 * <p>The engine lists it in {@code k6j --help} with its {@link #description()} and hands it every argument after
 * its name untouched ({@code --help} included): the command parses them and prints its own help.
 *
 * <pre>{@code
 * public final class HelloCommand implements Subcommand {
 *     public String name() { return "hello"; }
 *     public String description() { return "Say hello."; }
 *     public int run(SubcommandParams params) {
 *         params.stdout().println("hello " + String.join(" ", params.arguments()));
 *         return 0;
 *     }
 * }
 * }</pre>
 */
public interface Subcommand {

    /** The word after {@code k6j}: letters, digits and dashes; it must not be one of the engine's commands. */
    String name();

    /** One line for {@code k6j --help}. */
    String description();

    /**
     * Runs the command on the main thread and returns the process exit code. Bad usage or input is reported by
     * throwing {@link IllegalArgumentException} with a message for the user: the engine prints it as one line and
     * exits with k6's invalid-config code (104). Other exceptions are engine-failure style errors (109).
     */
    int run(SubcommandParams params) throws Exception;
}
