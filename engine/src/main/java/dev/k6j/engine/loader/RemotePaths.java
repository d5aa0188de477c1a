package dev.k6j.engine.loader;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Remote modules as paths: GraalJS knows modules only as files, so {@code https://host:port/dir/a.js} is served at
 * {@code /__k6j_https__/host:port/dir/a.js}. A relative import inside that module then resolves, as a sibling
 * path, to the URL k6 resolves it to ({@code ./b.js} → {@code https://host:port/dir/b.js}).
 */
public final class RemotePaths {

    /** The virtual folder of remote modules, shaped as k6 archives store them ({@code https/host/path}). */
    public static final String ROOT = "/__k6j_https__/";

    private RemotePaths() {
    }

    /** The path an https URL is served at. */
    public static Path toPath(URI url) {
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return Paths.get(ROOT + url.getRawAuthority() + path + query);
    }

    /** Whether a path stands for a remote module. */
    public static boolean isRemote(Path path) {
        return path.toString().startsWith(ROOT);
    }

    /** The URL of a remote module's path. */
    public static URI toUrl(Path path) {
        return URI.create("https://" + path.toString().substring(ROOT.length()));
    }

    /** A path as users know it: the URL of a remote module, the path itself otherwise. */
    public static String display(String path) {
        return path != null && path.startsWith(ROOT) ? "https://" + path.substring(ROOT.length()) : path;
    }
}
