package dev.k6j.resolver.maven;

import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;
import org.eclipse.aether.version.VersionConstraint;
import org.eclipse.aether.version.VersionScheme;

/**
 * The SPI check on Maven's side (the bundler, extensions on demand): does an extension's {@code K6j-Spi-Requires} range (Maven notation,
 * {@code [0.1,0.2)}; a bare {@code 0.1} means "0.1 or newer") hold the SPI version being bundled? Versions compare
 * by their numbers, so {@code 0.1.0-SNAPSHOT} counts as {@code 0.1.0}, as the engine compares them at start.
 */
public final class SpiRange {

    private static final VersionScheme SCHEME = new GenericVersionScheme();

    private SpiRange() {
    }

    /** Whether {@code range} holds {@code spiVersion}; a malformed range is an {@link IllegalArgumentException}. */
    public static boolean contains(String range, String spiVersion) {
        String constraint = range.strip();
        if (!constraint.startsWith("[") && !constraint.startsWith("(")) {
            constraint = "[" + constraint + ",)";
        }
        try {
            VersionConstraint parsed = SCHEME.parseVersionConstraint(constraint);
            return parsed.containsVersion(SCHEME.parseVersion(spiVersion.split("[-+]", 2)[0]));
        } catch (InvalidVersionSpecificationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
