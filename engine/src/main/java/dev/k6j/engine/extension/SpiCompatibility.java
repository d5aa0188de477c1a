package dev.k6j.engine.extension;

import dev.k6j.engine.errors.K6jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The check that an extension was built for this engine's SPI: its jar's manifest attribute
 * {@value #MANIFEST_ATTRIBUTE} (e.g. {@code [0.1,0.2)}) must contain {@link SpiVersion#current()}. Failing early
 * with the versions beats a {@code NoSuchMethodError} in the middle of a test. Stateless; any thread.
 */
public final class SpiCompatibility {

    /** The manifest attribute an extension jar declares its SPI range in. */
    public static final String MANIFEST_ATTRIBUTE = "K6j-Spi-Requires";

    private SpiCompatibility() {
    }

    /** The range a jar declares, if any (folders and jars without the attribute declare none). */
    public static Optional<String> declaredBy(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return Optional.ofNullable(manifest == null ? null : manifest.getMainAttributes().getValue(MANIFEST_ATTRIBUTE))
                    .map(String::strip).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Throws an invalid-config error when {@code required} (may be {@code null}: no requirement) does not contain
     * the engine's SPI version.
     *
     * @param who the jar or extension, as the message names it
     */
    public static void check(String who, String required) {
        check(who, required, SpiVersion.current());
    }

    static void check(String who, String required, String spiVersion) {
        if (required == null || required.isBlank()) {
            return;
        }
        SpiVersionRange range;
        try {
            range = SpiVersionRange.parse(required);
        } catch (IllegalArgumentException e) {
            throw K6jException.invalidConfig(who + " declares " + MANIFEST_ATTRIBUTE + ": " + required
                    + ", which is not a version range such as [0.1,0.2): " + e.getMessage());
        }
        if (!range.contains(spiVersion)) {
            throw K6jException.invalidConfig(who + " was built for the k6j SPI " + range + " but this engine has SPI "
                    + spiVersion + ": use a version of the extension built for SPI " + spiVersion
                    + ", or a k6j engine whose SPI is in " + range);
        }
    }
}
