package dev.k6j.resolver;

/**
 * An extension that could not be resolved, with one line for the user saying what was looked for, where, and what
 * to do. The kind lets the engine and the bundler choose their exit code.
 */
public final class ResolutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why resolution failed. */
    public enum Kind {
        /** No catalog offers the name. */
        NOT_IN_CATALOG,
        /** The artifact, or a version matching the constraint, is in none of the repositories. */
        NOT_FOUND,
        /** A download or a file of the local repository does not match its checksum. */
        CHECKSUM,
        /** The extension was built for another SPI than this engine's. */
        SPI,
        /** A repository could not be reached. */
        UNREACHABLE,
        /** Offline, and the local repository lacks it. */
        OFFLINE,
        /** The artifact is no usable extension (no providers, a damaged jar). */
        NOT_AN_EXTENSION,
        /** Anything else the resolver reported. */
        OTHER
    }

    private final Kind kind;

    public ResolutionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ResolutionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
