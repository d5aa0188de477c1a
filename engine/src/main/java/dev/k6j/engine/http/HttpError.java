package dev.k6j.engine.http;

/**
 * A failed request as k6 reports it: one of k6's error codes ({@code lib/netext/httpext/error_codes.go}) and
 * its message. Thrown inside the client and turned into a response with status 0.
 */
public final class HttpError extends RuntimeException {

    private final int code;

    public HttpError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public HttpError(int code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    /** k6's error code, e.g. 1212 for a refused connection. */
    public int code() {
        return code;
    }
}
