package dev.k6j.resolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * What a resolved jar says about itself: that it is a readable jar at all, the SPI range its manifest declares
 * ({@code K6j-Spi-Requires}) and the providers it lists in {@code META-INF/services/dev.k6j.spi.*}.
 *
 * @param spiRequires the declared SPI range, or {@code null}
 * @param providers   the provider class names, in file order
 */
public record ExtensionJar(String spiRequires, List<String> providers) {

    /** The manifest attribute holding the SPI range an extension was built for. */
    public static final String SPI_REQUIRES = "K6j-Spi-Requires";

    private static final List<String> SERVICE_FILES = List.of(
            "META-INF/services/dev.k6j.spi.JsModule", "META-INF/services/dev.k6j.spi.OutputFactory");

    /**
     * Reads {@code jar}.
     *
     * @throws IOException when it is not a readable jar (truncated, not a zip)
     */
    public static ExtensionJar read(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String spi = manifest == null ? null : manifest.getMainAttributes().getValue(SPI_REQUIRES);
            List<String> providers = new ArrayList<>();
            for (String name : SERVICE_FILES) {
                ZipEntry entry = file.getEntry(name);
                if (entry == null) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String provider = line.replaceAll("#.*", "").strip();
                        if (!provider.isEmpty()) {
                            providers.add(provider);
                        }
                    }
                }
            }
            return new ExtensionJar(spi == null || spi.isBlank() ? null : spi.strip(), List.copyOf(providers));
        }
    }

    /** Checks that {@code jar} opens as a zip with a readable central directory. */
    public static void checkReadable(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            file.size();
        }
    }
}
