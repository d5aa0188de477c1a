package dev.k6j.engine.extension.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.pf4j.AbstractExtensionFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * The PF4J extension index of k6j plugins: the class names in a plugin jar's own
 * {@code META-INF/services/dev.k6j.spi.JsModule} and {@code …OutputFactory} files, like PF4J's
 * {@code ServiceProviderExtensionFinder} but reading only the SPI's two files and only the plugin's own jar.
 * The host's class path is left to {@link dev.k6j.engine.extension.ServiceLoaderFinder}, so nothing is found twice
 * and no unrelated services of the class path get loaded.
 */
final class SpiServicesExtensionFinder extends AbstractExtensionFinder {

    static final String[] SERVICE_FILES = {
        "META-INF/services/dev.k6j.spi.JsModule", "META-INF/services/dev.k6j.spi.OutputFactory",
    };

    SpiServicesExtensionFinder(PluginManager pluginManager) {
        super(pluginManager);
    }

    @Override
    public Map<String, Set<String>> readClasspathStorages() {
        return Collections.emptyMap();
    }

    @Override
    public Map<String, Set<String>> readPluginsStorages() {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (PluginWrapper plugin : pluginManager.getPlugins()) {
            if (plugin.getPluginClassLoader() instanceof PluginClassLoader loader) {
                result.put(plugin.getPluginId(), classNames(loader, plugin.getPluginPath()));
            }
        }
        return result;
    }

    /** The provider class names the plugin's own jar lists, in file order (its libraries' lists are not its own). */
    static Set<String> classNames(PluginClassLoader loader, Path pluginJar) {
        Set<String> names = new LinkedHashSet<>();
        for (String file : SERVICE_FILES) {
            try {
                Enumeration<URL> urls = loader.findResources(file);
                while (urls.hasMoreElements()) {
                    URL url = urls.nextElement();
                    if (isIn(url, pluginJar)) {
                        readNames(url, names);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
            }
        }
        return names;
    }

    /** Whether a {@code jar:file:/…/x.jar!/…} URL points into {@code jar}. */
    private static boolean isIn(URL url, Path jar) {
        if (!"jar".equals(url.getProtocol())) {
            return true;
        }
        String spec = url.getPath();
        int bang = spec.indexOf("!/");
        try {
            return Path.of(URI.create(bang < 0 ? spec : spec.substring(0, bang))).toAbsolutePath()
                    .equals(jar.toAbsolutePath());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static void readNames(URL url, Set<String> names) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
    }
}
