package dev.k6j.bundler.assemble;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The record of what went into a bundle, {@value #RESOURCE}, read by the engine at start
 * ({@code dev.k6j.engine.extension.BundleContents}): for every merged artifact that provides JS modules or outputs,
 * its coordinates, version, declared SPI range and provider classes. The merged jars' own manifests are gone from
 * the bundle, so this is how the engine still checks SPI ranges and shows versions in {@code k6j version}.
 */
final class BundleRecord {

    static final String RESOURCE = "META-INF/k6j/bundle.properties";

    /**
     * One artifact that provides extensions.
     *
     * @param coordinates {@code group:artifact:version} or a bare jar's file name
     * @param version     its version, or empty
     * @param spiRequires its {@code K6j-Spi-Requires}, or {@code null}
     * @param providers   its provider classes
     */
    record Extension(String coordinates, String version, String spiRequires, List<String> providers) {
    }

    private BundleRecord() {
    }

    static byte[] write(String engine, String spiVersion, String graalVersion, String bundlerVersion,
            List<Extension> extensions) {
        StringBuilder text = new StringBuilder();
        text.append("# What bundler build put into this bundle; read by the engine (k6j version, SPI checks).\n");
        line(text, "engine", engine);
        line(text, "spi", spiVersion);
        line(text, "graal", graalVersion);
        line(text, "bundler", bundlerVersion);
        line(text, "extensions", String.valueOf(extensions.size()));
        for (int i = 0; i < extensions.size(); i++) {
            Extension extension = extensions.get(i);
            String prefix = "extension." + (i + 1) + ".";
            line(text, prefix + "coordinates", extension.coordinates());
            line(text, prefix + "version", extension.version());
            if (extension.spiRequires() != null) {
                line(text, prefix + "spiRequires", extension.spiRequires());
            }
            line(text, prefix + "providers", String.join(",", extension.providers()));
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append('=').append(escape(value == null ? "" : value)).append('\n');
    }

    /** Properties-file escaping for the few characters a value could hold. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '#' || c == '!' || c == '=' || c == ':') {
                out.append('\\');
            }
            if (c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
