package dev.k6j.engine.httpclient;

/**
 * A failed request as k6 reports it: one of k6's error codes ({@code lib/netext/httpext/error_codes.go}) and
 * its message. Thrown inside the client and turned into a response with status 0.
 */
public final class HttpError extends RuntimeException {

    private final int code;
    private final String detail;

    public HttpError(int code, String message) {
        this(code, message, null, null);
    }

    public HttpError(int code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    /** @param detail Go's fuller text of the error, when k6 shows one beside its short message */
    public HttpError(int code, String message, String detail, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
        this.detail = detail;
    }

    /**
     * The text k6 throws (with {@code throw: true}) and logs ("Request Failed"): Go's error where it says more
     * than k6's short message ({@code x509: certificate signed by unknown authority}), else the message.
     */
    public String detail() {
        return detail != null ? detail : getMessage();
    }

    /** k6's error code, e.g. 1212 for a refused connection. */
    public int code() {
        return code;
    }
}
