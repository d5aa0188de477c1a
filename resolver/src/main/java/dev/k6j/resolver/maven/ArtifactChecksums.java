package dev.k6j.resolver.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a file of the local repository against the checksum files beside it ({@code x.jar.sha512}, {@code .sha256},
 * {@code .sha1} or {@code .md5}, the strongest present), as Maven wrote them when it downloaded the file. Maven
 * Resolver verifies a download once, when it arrives; a file changed later in the local repository (a class added
 * by hand, a disk error) is only caught here. A file without checksum files (installed locally with {@code mvn
 * install}) has nothing to be checked against and passes. Stateless.
 */
public final class ArtifactChecksums {

    private static final String[][] ALGORITHMS = {
        {"sha512", "SHA-512"}, {"sha256", "SHA-256"}, {"sha1", "SHA-1"}, {"md5", "MD5"},
    };

    private ArtifactChecksums() {
    }

    /**
     * Why {@code file} no longer matches its checksum file, or empty when it matches or has none.
     * E.g. {@code "its SHA-1 is 3f2a… but k6j-greeting-1.0.0.jar.sha1 says 9c1b…"}.
     */
    public static Optional<String> mismatch(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // a classes folder (a checkout's module) has no checksum
        }
        for (String[] algorithm : ALGORITHMS) {
            Path checksumFile = file.resolveSibling(file.getFileName() + "." + algorithm[0]);
            if (!Files.isRegularFile(checksumFile)) {
                continue;
            }
            String expected = expected(checksumFile);
            if (expected.isEmpty()) {
                continue;
            }
            String actual = FileHashes.of(file, algorithm[1]);
            if (!actual.equalsIgnoreCase(expected)) {
                return Optional.of("its " + algorithm[1] + " is " + actual + " but " + checksumFile.getFileName()
                        + " says " + expected);
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The hex digest a checksum file holds: its first word (some tools add the file name after it). */
    private static String expected(Path checksumFile) throws IOException {
        String text = Files.readString(checksumFile, StandardCharsets.US_ASCII).strip();
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    }
}
