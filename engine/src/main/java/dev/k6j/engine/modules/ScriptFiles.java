package dev.k6j.engine.modules;

import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.spi.Vu;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files a built-in module reads for a script: paths resolve against the main script's folder (as {@code open()}
 * does), and contents are read once per run into the cache {@code open()} shares, so many VUs hold one copy.
 */
public final class ScriptFiles {

    private ScriptFiles() {
    }

    /** {@code path} (relative, absolute or {@code file://}) resolved against the script's folder. */
    public static Path resolve(Vu vu, String path) {
        String cleaned = path.startsWith("file://") ? path.substring("file://".length()) : path;
        return ((VirtualUser) vu).environment().script().directory().resolve(cleaned).normalize();
    }

    /** The bytes of a regular file, from the run's cache or from disk. Thread-safe. */
    public static byte[] read(Vu vu, Path path) {
        return ((VirtualUser) vu).environment().files().computeIfAbsent(path.toString(), key -> {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
