package dev.k6j.bundler.assemble;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The entries of a jar or of a classes folder (a checkout's module), read the same way. Stateless.
 */
final class ArtifactContents {

    /** One file inside an artifact. */
    interface Entry {
        String name();

        byte[] bytes() throws IOException;

        long time();
    }

    private ArtifactContents() {
    }

    /** Calls {@code visitor} for every file (no directories) in the jar or folder, in a stable order. */
    static void forEach(Path artifact, Consumer<Entry> visitor) throws IOException {
        if (Files.isDirectory(artifact)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(artifact)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String name = artifact.relativize(file).toString().replace('\\', '/');
                visitor.accept(new Entry() {
                    public String name() {
                        return name;
                    }

                    public byte[] bytes() throws IOException {
                        return Files.readAllBytes(file);
                    }

                    public long time() {
                        try {
                            return Files.getLastModifiedTime(file).toMillis();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            }
            return;
        }
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().filter(e -> !e.isDirectory()).toList();
            for (ZipEntry entry : entries) {
                visitor.accept(new Entry() {
                    public String name() {
                        return entry.getName();
                    }

                    public byte[] bytes() throws IOException {
                        try (InputStream in = zip.getInputStream(entry)) {
                            return in.readAllBytes();
                        }
                    }

                    public long time() {
                        return entry.getTime();
                    }
                });
            }
        }
    }

    /** The provider classes listed in the artifact's {@code META-INF/services/dev.k6j.spi.*} files. */
    static List<String> providers(Path artifact) throws IOException {
        List<String> providers = new ArrayList<>();
        for (String service : List.of("dev.k6j.spi.JsModule", "dev.k6j.spi.OutputFactory")) {
            byte[] content = read(artifact, "META-INF/services/" + service);
            if (content != null) {
                ServiceFiles.lines(content).forEach(providers::add);
            }
        }
        return providers;
    }

    /** A main attribute of the artifact's manifest, or {@code null} (folders have no manifest). */
    static String manifestAttribute(Path artifact, String name) throws IOException {
        if (Files.isDirectory(artifact)) {
            return null;
        }
        try (JarFile jar = new JarFile(artifact.toFile())) {
            Manifest manifest = jar.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(name);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private static byte[] read(Path artifact, String name) throws IOException {
        if (Files.isDirectory(artifact)) {
            Path file = artifact.resolve(name);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }
}
