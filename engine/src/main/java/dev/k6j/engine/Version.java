package dev.k6j.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's version and the GraalJS version it was built with (from build.properties). */
public final class Version {

    private static final Properties BUILD = load();

    private Version() {
    }

    public static String engine() {
        return "v" + BUILD.getProperty("version", "0.0.0-dev");
    }

    public static String graal() {
        return BUILD.getProperty("graal.version", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException ignored) {
            // Without build metadata the version reads as a development build.
        }
        return properties;
    }
}
