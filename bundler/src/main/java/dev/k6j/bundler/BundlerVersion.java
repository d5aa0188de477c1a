package dev.k6j.bundler;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The bundler's own version (from build.properties): the engine version it bundles by default. */
public final class BundlerVersion {

    private static final String VERSION = load();

    private BundlerVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = BundlerVersion.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Without build metadata the bundler reads as a development build.
        }
        String version = properties.getProperty("version", "");
        return version.isBlank() || version.contains("${") ? "0.0.0-dev" : version;
    }
}
