package dev.k6j.bundler;

/**
 * A failure to tell the user about in one line: an extension that cannot be found, a project that does not build,
 * an SPI mismatch. The CLI prints the message; {@code --verbose} adds the cause's stack trace.
 */
public class BundlerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BundlerException(String message) {
        super(message);
    }

    public BundlerException(String message, Throwable cause) {
        super(message, cause);
    }
}
