package dev.k6j.engine.extension;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * What {@code bundler build} recorded in a bundle ({@value #RESOURCE}): for every merged artifact that provides
 * JS modules or outputs, its coordinates, version, the SPI range it declared and its provider classes. The jar
 * manifests of the merged artifacts are gone from a bundle, so this is where the engine learns them.
 *
 * <p>The file is a properties file:
 * <pre>
 * engine=dev.k6j:k6j-engine:0.1.0
 * extensions=1
 * extension.1.coordinates=com.example:k6j-greeting:1.0.0
 * extension.1.version=1.0.0
 * extension.1.spiRequires=[0.1,0.2)
 * extension.1.providers=com.example.greeting.GreetingModule
 * </pre>
 * Immutable once read.
 */
public final class BundleContents {

    /** Where the bundler writes the file inside the bundle jar. */
    public static final String RESOURCE = "META-INF/k6j/bundle.properties";

    private static final BundleContents NONE = new BundleContents(null, List.of());

    private final String engine;
    private final List<BundledExtension> extensions;
    private final Map<String, BundledExtension> byProvider = new LinkedHashMap<>();

    /**
     * One merged artifact that provides extensions.
     *
     * @param coordinates {@code group:artifact:version}, or a file name for a local jar
     * @param version     its version
     * @param spiRequires the SPI range it declared, or {@code null}
     * @param providers   its provider class names
     */
    public record BundledExtension(String coordinates, String version, String spiRequires, Set<String> providers) {
    }

    private BundleContents(String engine, List<BundledExtension> extensions) {
        this.engine = engine;
        this.extensions = List.copyOf(extensions);
        for (BundledExtension extension : extensions) {
            extension.providers().forEach(p -> byProvider.putIfAbsent(p, extension));
        }
    }

    /** The bundle's record as {@code loader} sees it; empty outside a bundle. */
    public static BundleContents read(ClassLoader loader) {
        try {
            Enumeration<URL> resources = loader.getResources(RESOURCE);
            if (!resources.hasMoreElements()) {
                return NONE;
            }
            Properties properties = new Properties();
            try (InputStream in = resources.nextElement().openStream()) {
                properties.load(in);
            }
            return parse(properties);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    static BundleContents parse(Properties properties) {
        List<BundledExtension> extensions = new ArrayList<>();
        int count = Integer.parseInt(properties.getProperty("extensions", "0").strip());
        for (int i = 1; i <= count; i++) {
            String prefix = "extension." + i + ".";
            String coordinates = properties.getProperty(prefix + "coordinates");
            if (coordinates == null) {
                continue;
            }
            List<String> providers = new ArrayList<>();
            for (String provider : properties.getProperty(prefix + "providers", "").split(",")) {
                if (!provider.isBlank()) {
                    providers.add(provider.strip());
                }
            }
            extensions.add(new BundledExtension(coordinates, blankToNull(properties.getProperty(prefix + "version")),
                    blankToNull(properties.getProperty(prefix + "spiRequires")),
                    Collections.unmodifiableSet(new java.util.LinkedHashSet<>(providers))));
        }
        return new BundleContents(properties.getProperty("engine"), extensions);
    }

    /** Whether this is a bundle. */
    public boolean isBundle() {
        return engine != null;
    }

    /** The engine coordinates the bundle was built from, e.g. {@code dev.k6j:k6j-engine:0.1.0}. */
    public Optional<String> engine() {
        return Optional.ofNullable(engine);
    }

    /** Every merged artifact that provides extensions, in bundle order. */
    public List<BundledExtension> extensions() {
        return extensions;
    }

    /** The artifact a provider class came from. */
    public Optional<BundledExtension> providing(String providerClass) {
        return Optional.ofNullable(byProvider.get(providerClass));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
