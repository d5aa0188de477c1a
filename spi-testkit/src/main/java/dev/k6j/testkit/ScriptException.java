package dev.k6j.testkit;

/** The script could not start: a syntax error, a missing module, or an exception in its init code. */
public final class ScriptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
