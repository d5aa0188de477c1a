package dev.k6j.bundler.assemble;

import dev.k6j.launcher.BundleLauncher;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a bundle as one file: a launcher script ({@code one-file.sh}) followed by a jar that holds the
 * {@link BundleLauncher} and, stored uncompressed under {@value BundleLauncher#PAYLOAD}, the merged engine jar,
 * GraalJS ({@code lib/}) and the Graal compiler ({@code lib/graal-compiler/}). GraalJS cannot be merged (see
 * docs/runtime.md), so the launcher unpacks them once into k6j's cache, in a folder named after the content's hash
 * ({@link BundleLauncher#BUNDLE_ID}), and runs the engine from there. The zip's offsets count from its own start;
 * Java's zip reader allows bytes before a zip, which is how {@code java -jar} reads the same file.
 *
 * <p>Stateless.
 */
final class OneFileBundle {

    private static final long FIXED_TIME = 315_532_800_000L + 86_400_000L * 32;
    private static final String LAUNCHER_CLASS = "dev/k6j/launcher/BundleLauncher.class";

    private OneFileBundle() {
    }

    /**
     * Writes {@code output} whole or not at all ({@code output.part}, then renamed).
     *
     * @return the bundle id
     */
    static String write(Path output, Path engineJar, List<Path> libJars, List<Path> compilerJars, String graalVersion,
            String bundlerVersion, String script) throws IOException {
        Map<String, Path> payload = new LinkedHashMap<>();
        payload.put(BundleLauncher.PAYLOAD + "k6j.jar", engineJar);
        libJars.forEach(jar -> payload.put(BundleLauncher.PAYLOAD + "lib/" + jar.getFileName(), jar));
        compilerJars.forEach(jar -> payload.put(BundleLauncher.PAYLOAD + "lib/graal-compiler/" + jar.getFileName(), jar));
        Map<String, long[]> crcs = new LinkedHashMap<>();
        String id = graalVersion + "-" + digest(payload, crcs);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Path partial = output.resolveSibling(output.getFileName() + ".part");
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                file.write(script.replace("@ID@", id).getBytes(StandardCharsets.UTF_8));
                file.flush();
                ZipOutputStream zip = new ZipOutputStream(file);
                put(zip, JarFile.MANIFEST_NAME, manifest(id, graalVersion, bundlerVersion));
                try (InputStream launcher = BundleLauncher.class.getClassLoader().getResourceAsStream(LAUNCHER_CLASS)) {
                    if (launcher == null) {
                        throw new IOException("the bundler lacks its own " + LAUNCHER_CLASS);
                    }
                    put(zip, LAUNCHER_CLASS, launcher.readAllBytes());
                }
                for (Map.Entry<String, Path> entry : payload.entrySet()) {
                    long[] crc = crcs.get(entry.getKey());
                    ZipEntry stored = new ZipEntry(entry.getKey());
                    stored.setMethod(ZipEntry.STORED);
                    stored.setSize(crc[1]);
                    stored.setCompressedSize(crc[1]);
                    stored.setCrc(crc[0]);
                    stored.setTime(FIXED_TIME);
                    zip.putNextEntry(stored);
                    Files.copy(entry.getValue(), zip);
                    zip.closeEntry();
                }
                zip.finish();
            }
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: run it with bash, or with java -jar.
            }
            Files.move(partial, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return id;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The hash of the payload (names and bytes), and each file's CRC-32 and size, which stored entries need first. */
    private static String digest(Map<String, Path> payload, Map<String, long[]> crcs) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (Map.Entry<String, Path> entry : payload.entrySet()) {
            sha.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            CRC32 crc = new CRC32();
            long size = 0;
            try (InputStream in = Files.newInputStream(entry.getValue())) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    sha.update(buffer, 0, n);
                    crc.update(buffer, 0, n);
                    size += n;
                }
            }
            crcs.put(entry.getKey(), new long[] {crc.getValue(), size});
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static byte[] manifest(String id, String graalVersion, String bundlerVersion) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, BundleLauncher.class.getName());
        main.put(new Attributes.Name("Created-By"), "k6j bundler " + bundlerVersion);
        main.put(new Attributes.Name(BundleLauncher.BUNDLE_ID), id);
        main.put(new Attributes.Name("K6j-Graal-Version"), graalVersion);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
