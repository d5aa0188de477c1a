package dev.k6j.resolver;

import java.nio.file.Path;
import java.util.Map;

/**
 * k6j's cache folder: {@code K6J_CACHE_DIR}, else {@code $XDG_CACHE_HOME/k6j}, else {@code ~/.cache/k6j}. It holds
 * the records of extensions resolved on demand ({@code extensions/}), copies of catalogs fetched over HTTPS
 * ({@code catalogs/}) and unpacked one-file bundles ({@code bundles/}; the bundle launcher, which may use only the
 * JDK, finds the folder by the same rule). Everything in it can be deleted at any time. Stateless.
 */
public final class CacheFolder {

    /** The environment variable naming the cache folder. */
    public static final String ENV = "K6J_CACHE_DIR";

    private CacheFolder() {
    }

    /** The cache folder for this environment and home folder. */
    public static Path of(Map<String, String> environment, String userHome) {
        String explicit = environment.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "k6j").toAbsolutePath();
        }
        return Path.of(userHome, ".cache", "k6j");
    }
}
