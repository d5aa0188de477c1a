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

    /** A script mistake (exit 107). */
    public static K6jException scriptError(String message, Throwable cause) {
        return new K6jException(ExitCode.SCRIPT_EXCEPTION, message, cause);
    }
}
