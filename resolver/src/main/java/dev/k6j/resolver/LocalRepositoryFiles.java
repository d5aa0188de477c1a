package dev.k6j.resolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Maven's local repository records about a file: {@code _remote.repositories} beside it says, per file,
 * which repository it came from ({@code x.jar>central=}), or nothing for a file installed locally
 * ({@code x.jar>=}). Stateless.
 */
final class LocalRepositoryFiles {

    private LocalRepositoryFiles() {
    }

    /** Whether {@code file} was downloaded from a remote repository (rather than installed with {@code mvn install}). */
    static boolean wasDownloaded(Path file) {
        Path marker = file.resolveSibling("_remote.repositories");
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        try {
            String prefix = file.getFileName() + ">";
            for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                if (line.startsWith(prefix)) {
                    String repository = line.substring(prefix.length()).replace("=", "").strip();
                    if (!repository.isEmpty()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
