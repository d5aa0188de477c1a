package dev.k6j.engine.loader;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The copies of remote modules kept on disk between runs. k6 has no such cache; k6j keeps one so that a run asks
 * the server only whether a module changed ({@code If-None-Match}, {@code If-Modified-Since}) and can still start
 * when the server can't be reached (with a warning naming the copy's date). Every run still asks the server first.
 *
 * <p>Where: {@code K6J_REMOTE_MODULE_CACHE} (a folder, or {@code off} to keep no copies), else
 * {@code $XDG_CACHE_HOME/k6j/remote-modules}, else {@code ~/.cache/k6j/remote-modules}. Thread-safe: entries are
 * written to a temporary file and moved into place.
 */
public final class RemoteModuleCache {

    /** A cached module: its text and what the server said about its version. */
    public record Entry(byte[] body, String etag, String lastModified, Instant fetchedAt) {
    }

    private final Path folder;

    RemoteModuleCache(Path folder) {
        this.folder = folder;
    }

    /** The cache the environment asks for, or {@code null} when it is turned off. */
    public static RemoteModuleCache fromEnvironment(Map<String, String> environment) {
        String setting = environment.get("K6J_REMOTE_MODULE_CACHE");
        if (setting != null && !setting.isBlank()) {
            String lower = setting.trim().toLowerCase(Locale.ROOT);
            if (lower.equals("off") || lower.equals("false") || lower.equals("0") || lower.equals("none")) {
                return null;
            }
            return new RemoteModuleCache(Path.of(setting.trim()));
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new RemoteModuleCache(base.resolve("k6j").resolve("remote-modules"));
    }

    /** Where the copies are kept. */
    public Path folder() {
        return folder;
    }

    /** The copy of a module, if there is a readable one. */
    Optional<Entry> get(URI url) {
        Path body = folder.resolve(key(url) + ".js");
        Path meta = folder.resolve(key(url) + ".properties");
        if (!Files.isRegularFile(body) || !Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(in);
            if (!url.toString().equals(properties.getProperty("url"))) {
                return Optional.empty();
            }
            return Optional.of(new Entry(Files.readAllBytes(body), properties.getProperty("etag"),
                    properties.getProperty("lastModified"), Instant.parse(properties.getProperty("fetchedAt"))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Keeps a copy; a cache that can't be written is no reason to fail the run, so errors are swallowed. */
    void put(URI url, byte[] body, String etag, String lastModified) {
        try {
            Files.createDirectories(folder);
            String key = key(url);
            Path tmpBody = Files.createTempFile(folder, key, ".tmp");
            Files.write(tmpBody, body);
            Files.move(tmpBody, folder.resolve(key + ".js"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Properties properties = new Properties();
            properties.setProperty("url", url.toString());
            properties.setProperty("fetchedAt", Instant.now().toString());
            if (etag != null) {
                properties.setProperty("etag", etag);
            }
            if (lastModified != null) {
                properties.setProperty("lastModified", lastModified);
            }
            Path tmpMeta = Files.createTempFile(folder, key, ".tmp");
            try (Writer out = Files.newBufferedWriter(tmpMeta, StandardCharsets.UTF_8)) {
                properties.store(out, "k6j remote module cache entry");
            }
            Files.move(tmpMeta, folder.resolve(key + ".properties"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException ignored) {
            // no copy this time; the module was fetched all the same
        }
    }

    private static String key(URI url) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
