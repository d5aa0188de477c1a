package dev.k6j.engine.archive;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Paths as k6 stores them in archives: with {@code /} separators, and with the user's name in a home folder
 * replaced by {@code nobody} ({@code /home/alice/x.js} → {@code /home/nobody/x.js}), so archives don't leak it.
 */
final class ArchivePaths {

    private static final Pattern VOLUME = Pattern.compile("^[/\\\\]?([a-zA-Z]):(.*)");
    private static final Pattern HOME = Pattern.compile("(?i)^(/[a-zA-Z])?/(Users|home|Documents and Settings)/[^/]+");

    private ArchivePaths() {
    }

    /** k6's {@code NormalizeAndAnonymizePath}. */
    static String anonymize(String path) {
        String p = VOLUME.matcher(path).replaceAll("/$1$2").replace('\\', '/');
        p = p.replaceAll("/+", "/");
        return HOME.matcher(p).replaceAll("$1/$2/nobody");
    }

    /** Where a remote module lives in an archive's {@code https} tree: {@code /host:port/path?query}. */
    static String remotePath(URI url) {
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return "/" + url.getRawAuthority() + path + query;
    }
}
