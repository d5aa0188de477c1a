package dev.k6j.engine.extension.plugin;

import java.nio.file.Path;
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
 * the SPI services files in the plugin jar ({@link SpiServicesExtensionFinder}). Always in deployment mode.
 *
 * <p>Threads: created, loaded, started and stopped by one thread (the CLI's), as PF4J expects.
 */
final class PluginHost extends JarPluginManager {

    PluginHost(Path pluginsFolder) {
        super(pluginsFolder);
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
                return new HostFirstClassLoader(pluginManager, descriptor, PluginHost.class.getClassLoader());
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
