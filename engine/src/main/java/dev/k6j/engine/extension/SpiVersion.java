package dev.k6j.engine.extension;

import dev.k6j.spi.JsModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The version of the SPI this engine runs with (from {@code dev/k6j/spi/spi.properties} in the SPI jar), and the
 * comparison of versions by their numbers: {@code 0.1.0-SNAPSHOT} counts as {@code 0.1.0}, {@code 0.1} equals
 * {@code 0.1.0}. Stateless; any thread.
 */
public final class SpiVersion {

    private static final String CURRENT = load();

    private SpiVersion() {
    }

    /** The SPI version, e.g. {@code 0.1.0}, or {@code 0.0.0-dev} when the SPI carries none. */
    public static String current() {
        return CURRENT;
    }

    /** Negative, zero or positive as {@code a} is older than, the same as, or newer than {@code b}. */
    static int compare(String a, String b) {
        List<Long> x = numbers(a);
        List<Long> y = numbers(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            long left = i < x.size() ? x.get(i) : 0;
            long right = i < y.size() ? y.get(i) : 0;
            if (left != right) {
                return Long.compare(left, right);
            }
        }
        return 0;
    }

    /** The leading dotted numbers of a version: {@code 1.2.3-SNAPSHOT} → [1, 2, 3]. */
    static List<Long> numbers(String version) {
        String release = version.strip().split("[-+]", 2)[0];
        List<Long> numbers = new ArrayList<>();
        for (String part : release.split("\\.")) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + version + "' is not a version such as 0.1 or 1.2.3");
            }
            numbers.add(Long.parseLong(part));
        }
        return numbers;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = JsModule.class.getResourceAsStream("spi.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // An SPI without its version file reads as a development build.
        }
        String version = properties.getProperty("version", "");
        return version.isBlank() || version.contains("${") ? "0.0.0-dev" : version.strip();
    }
}
