package dev.k6j.resolver.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests of files and strings, as Maven repositories write them. Stateless. */
public final class FileHashes {

    private FileHashes() {
    }

    /** The hex digest of a file with {@code algorithm} ({@code SHA-1}, {@code SHA-256}, {@code SHA-512}, {@code MD5}). */
    public static String of(Path file, String algorithm) throws IOException {
        MessageDigest digest = digest(algorithm);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-1 of a file, as its {@code .sha1} file holds it. */
    public static String sha1(Path file) throws IOException {
        return of(file, "SHA-1");
    }

    /** The SHA-256 of a string's UTF-8 bytes (for cache file names). */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no " + algorithm, e);
        }
    }
}
