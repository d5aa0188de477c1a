package dev.k6j.resolver.maven;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.transfer.MetadataNotFoundException;
import org.eclipse.aether.transfer.RepositoryOfflineException;

/**
 * What went wrong in a Maven Resolver failure, in words a user can act on: a repository that could not be reached,
 * a download whose checksum did not match, an artifact not found, or offline mode. Maven Resolver wraps these
 * several levels deep; this looks through the causes. Stateless.
 */
public final class RepositoryFailures {

    /** The kinds of failure a user acts on differently. */
    public enum Kind { CHECKSUM, UNREACHABLE, OFFLINE, NOT_FOUND, OTHER }

    private RepositoryFailures() {
    }

    /** The kind of the first telling cause in {@code e}'s chain. */
    public static Kind kind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ChecksumFailureException) {
                return Kind.CHECKSUM;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isUnreachable(t)) {
                return Kind.UNREACHABLE;
            }
            if (t instanceof RepositoryOfflineException) {
                return Kind.OFFLINE;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArtifactNotFoundException || t instanceof MetadataNotFoundException) {
                return Kind.NOT_FOUND;
            }
        }
        return Kind.OTHER;
    }

    /** The most telling kind among several failures (a version listing collects one per repository). */
    public static Optional<Kind> kind(Collection<? extends Throwable> failures) {
        return failures.stream().map(RepositoryFailures::kind).min(Enum::compareTo);
    }

    /** The first failure of that kind, for its {@link #reason}. */
    public static Optional<Throwable> first(Collection<? extends Throwable> failures, Kind kind) {
        return failures.stream().filter(f -> kind(f) == kind).map(f -> (Throwable) f).findFirst();
    }

    /** The innermost message worth showing, e.g. {@code Connection refused} or the checksum mismatch. */
    public static String reason(Throwable e) {
        Throwable telling = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ChecksumFailureException || isUnreachable(t)) {
                telling = t;
                break;
            }
        }
        if (telling == null) {
            telling = e;
            while (telling.getCause() != null && telling.getCause().getMessage() != null) {
                telling = telling.getCause();
            }
        }
        String message = telling.getMessage() == null ? telling.getClass().getSimpleName() : telling.getMessage();
        if (telling instanceof UnknownHostException) {
            message = "unknown host " + message;
        } else if (telling instanceof SSLException) {
            message = "TLS: " + message;
        }
        return message.replaceAll("\\s+", " ").strip();
    }

    private static boolean isUnreachable(Throwable t) {
        return t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                || t instanceof SSLException;
    }
}
