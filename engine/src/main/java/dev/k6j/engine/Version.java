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

    /**
     * The k6 release whose scripts this k6j runs unchanged (its reference for names, options, messages and exit
     * codes); {@code "use k6 >= …"} directives are checked against it.
     */
    public static String k6Compatibility() {
        return "1.3.0";
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
