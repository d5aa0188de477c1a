package dev.k6j.engine.extension.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.ExtensionFinder;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.RuntimeMode;

/**
 * PF4J's {@link JarPluginManager} as k6j uses it: every jar in the plugins folder is a plugin with its own
 * {@link HostFirstClassLoader}; a jar needs no PF4J manifest ({@link ExtensionJarDescriptorFinder}); extensions are
 * the SPI services files in the plugin jar ({@link SpiServicesExtensionFinder}). A plugin resolved on demand also
 * has library jars, which join its class loader after its own jar. Always in deployment mode.
 *
 * <p>Threads: created, loaded, started and stopped by one thread (the CLI's), as PF4J expects.
 */
final class PluginHost extends JarPluginManager {

    private final Map<Path, List<Path>> libraries;

    PluginHost(Path pluginsFolder) {
        this(pluginsFolder, Map.of());
    }

    /** @param libraries per plugin jar, the jars it depends on (in class-path order) */
    PluginHost(Path pluginsFolder, Map<Path, List<Path>> libraries) {
        super(pluginsFolder);
        this.libraries = Map.copyOf(libraries);
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new ExtensionJarDescriptorFinder();
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader().add(new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                HostFirstClassLoader loader = new HostFirstClassLoader(pluginManager, descriptor,
                        PluginHost.class.getClassLoader());
                loader.addFile(pluginPath.toFile()); // its own classes first (PF4J adds it again: no effect)
                libraries.getOrDefault(pluginPath, List.of()).forEach(library -> loader.addFile(library.toFile()));
                return loader;
            }
        });
    }

    @Override
    protected ExtensionFinder createExtensionFinder() {
        SpiServicesExtensionFinder finder = new SpiServicesExtensionFinder(this);
        addPluginStateListener(finder);
        return finder;
    }
}
