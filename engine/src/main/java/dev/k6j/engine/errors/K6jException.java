package dev.k6j.engine.errors;

/**
 * A failure to tell the user about: one readable line ({@link #getMessage()}) and the exit code to end with.
 * The CLI prints the message; {@code --verbose} adds the cause's stack trace.
 */
public class K6jException extends RuntimeException {

    private final ExitCode exitCode;

    public K6jException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public K6jException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** A configuration mistake (exit 104). */
    public static K6jException invalidConfig(String message) {
        return new K6jException(ExitCode.INVALID_CONFIG, message);
    }

    /**
     * A command-line value k6 refuses before any configuration exists (an unknown --summary-mode, log output, test
     * type, -e name...): exit 255, k6's -1 for an error without a code of its own.
     */
    public static K6jException badCommandLine(String message) {
        return new K6jException(ExitCode.GENERIC_ERROR, message);
    }

    /** A script mistake (exit 107). */
    public static K6jException scriptError(String message, Throwable cause) {
        return new K6jException(ExitCode.SCRIPT_EXCEPTION, message, cause);
    }
}
