package dev.k6j.engine.extension.plugin;

import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.util.FileUtils;

/**
 * Reads a plugin's descriptor from its jar manifest, PF4J's way ({@code Plugin-Id}, {@code Plugin-Version}), with
 * defaults so that any extension jar can be dropped in as it is: the id defaults to the file name without
 * {@code .jar}, the version to {@code Implementation-Version} (else {@code 0.0.0}).
 */
final class ExtensionJarDescriptorFinder extends ManifestPluginDescriptorFinder {

    @Override
    public boolean isApplicable(Path pluginPath) {
        return FileUtils.isJarFile(pluginPath);
    }

    @Override
    public PluginDescriptor find(Path pluginPath) {
        Manifest manifest = readManifest(pluginPath);
        if (manifest == null) {
            manifest = new Manifest();
        }
        Descriptor descriptor = (Descriptor) createPluginDescriptor(manifest);
        Attributes main = manifest.getMainAttributes();
        if (isBlank(descriptor.getPluginId())) {
            String file = pluginPath.getFileName().toString();
            descriptor.id(file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file);
        }
        if (isBlank(descriptor.getVersion())) {
            String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            descriptor.version(isBlank(version) ? "0.0.0" : version.strip());
        }
        return descriptor;
    }

    @Override
    protected DefaultPluginDescriptor createPluginDescriptorInstance() {
        return new Descriptor();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** PF4J's descriptor with its setters opened to the finder. */
    private static final class Descriptor extends DefaultPluginDescriptor {
        void id(String id) {
            setPluginId(id);
        }

        void version(String version) {
            setPluginVersion(version);
        }
    }
}
