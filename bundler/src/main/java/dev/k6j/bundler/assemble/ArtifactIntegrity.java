package dev.k6j.bundler.assemble;

import dev.k6j.bundler.BundlerException;
import dev.k6j.resolver.maven.ArtifactChecksums;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The check of every file just before it goes into a bundle: a jar of the local repository must still match the
 * checksum files Maven left beside it (Maven Resolver verified the download once; a file changed since — a class
 * added by hand, a disk error — would otherwise be bundled without a word), and must open as a zip. Each failure is
 * one line naming the artifact and what to delete. Stateless.
 */
final class ArtifactIntegrity {

    private ArtifactIntegrity() {
    }

    /** Checks {@code file}, a jar or classes folder that goes into the bundle as {@code label} (its coordinates). */
    static void check(String label, Path file) {
        if (Files.isDirectory(file)) {
            return; // a checkout's classes folder: nothing downloaded, nothing to check
        }
        try {
            Optional<String> mismatch = ArtifactChecksums.mismatch(file);
            if (mismatch.isPresent()) {
                throw new BundlerException(label + " (" + file + ") no longer matches its checksum in the local"
                        + " repository: " + mismatch.get() + "; it was changed after download: delete "
                        + file.getParent() + " so that it is downloaded again");
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                zip.size();
            }
        } catch (IOException e) {
            throw new BundlerException(label + " (" + file + ") is not a readable jar (" + e.getMessage() + "): delete "
                    + file.getParent() + " so that it is downloaded again, or rebuild it", e);
        }
    }
}
