package dev.k6j.engine.extension.plugin;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.BrokenPlugin;
import dev.k6j.engine.extension.ExtensionFinder;
import dev.k6j.engine.extension.ExtensionOrigin;
import dev.k6j.engine.extension.Found;
import dev.k6j.engine.extension.FoundExtensions;
import dev.k6j.engine.extension.SpiCompatibility;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.OutputFactory;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Finds the extensions in a plugins folder: every {@code *.jar} in it is loaded with PF4J in its own class loader
 * (see {@link PluginHost}), after its SPI range ({@code K6j-Spi-Requires}) was checked, and its
 * {@code META-INF/services/dev.k6j.spi.*} providers are instantiated. Jars are taken in file-name order. A plugin
 * that cannot be loaded is reported as a {@link BrokenPlugin} (the reason names the jar): the run warns and goes on
 * without it, and only a script that needs it stops, never a silent omission.
 *
 * <p>{@link #of} loads given jars the same way instead, each with its library jars in its class loader: the
 * extensions resolved on demand from Maven repositories.
 *
 * <p>Threads: {@link #find} and {@link #close} on one thread, once each. The plugins' classes stay usable until
 * {@link #close}.
 */
public final class PluginFinder implements ExtensionFinder {

    /** PF4J reports through SLF4J; its INFO lines ("Start plugin …") would clutter every run. */
    private static final Logger PF4J_LOG = Logger.getLogger("org.pf4j");

    static {
        PF4J_LOG.setLevel(Level.WARNING);
    }

    /**
     * A plugin given as files rather than found in a folder.
     *
     * @param jar       the extension's jar
     * @param libraries the jars it needs, loaded in its class loader after it
     * @param origin    how {@code k6j version} and messages name it
     */
    public record PluginJar(Path jar, List<Path> libraries, ExtensionOrigin origin) {
        public PluginJar {
            libraries = List.copyOf(libraries);
        }
    }

    private final Path folder;
    private final List<PluginJar> given;
    private PluginHost host;

    /** A finder over {@code folder}; a folder that does not exist holds no plugins. */
    public PluginFinder(Path folder) {
        this(folder, null);
    }

    private PluginFinder(Path folder, List<PluginJar> given) {
        this.folder = folder.toAbsolutePath().normalize();
        this.given = given;
    }

    /** A finder that loads exactly {@code jars}, in order; {@code root} is only PF4J's notion of a plugins folder. */
    public static PluginFinder of(Path root, List<PluginJar> jars) {
        return new PluginFinder(root, List.copyOf(jars));
    }

    @Override
    public FoundExtensions find() {
        List<Path> jars = given == null ? jars() : given.stream().map(PluginJar::jar).toList();
        if (jars.isEmpty()) {
            return FoundExtensions.NONE;
        }
        Map<Path, List<Path>> libraries = new LinkedHashMap<>();
        Map<Path, ExtensionOrigin> origins = new LinkedHashMap<>();
        if (given != null) {
            given.forEach(p -> {
                libraries.put(p.jar(), p.libraries());
                origins.put(p.jar(), p.origin());
            });
        }
        host = new PluginHost(folder, libraries);
        Map<String, Path> jarById = new LinkedHashMap<>();
        List<BrokenPlugin> broken = new ArrayList<>();
        for (Path jar : jars) {
            try {
                SpiCompatibility.check("the plugin " + jar, SpiCompatibility.declaredBy(jar).orElse(null));
                jarById.put(load(jar, jarById), jar);
            } catch (K6jException e) {
                broken.add(new BrokenPlugin(jar, e));
            }
        }
        host.startPlugins();
        List<Found<JsModule>> modules = new ArrayList<>();
        List<Found<OutputFactory>> outputs = new ArrayList<>();
        for (Map.Entry<String, Path> plugin : jarById.entrySet()) {
            PluginWrapper wrapper = host.getPlugin(plugin.getKey());
            if (wrapper.getPluginState() == PluginState.DISABLED) {
                continue; // turned off in the folder's disabled.txt, PF4J's way
            }
            try {
                FoundExtensions found = extensionsOf(wrapper, plugin.getValue(), origins.get(plugin.getValue()));
                modules.addAll(found.modules());
                outputs.addAll(found.outputs());
            } catch (K6jException e) {
                broken.add(new BrokenPlugin(plugin.getValue(), e));
            }
        }
        return new FoundExtensions(modules, outputs, broken);
    }

    /** The providers of one started plugin; all or none, so a half-working plugin never half-loads. */
    private FoundExtensions extensionsOf(PluginWrapper wrapper, Path jar, ExtensionOrigin resolvedFrom) {
        if (wrapper.getPluginState() != PluginState.STARTED) {
            Throwable cause = wrapper.getFailedException();
            throw new K6jException(ExitCode.INVALID_CONFIG, "could not start the plugin " + jar
                    + (cause == null ? "" : ": " + cause.getMessage()), cause);
        }
        ExtensionOrigin origin = resolvedFrom != null ? resolvedFrom : new ExtensionOrigin(ExtensionOrigin.Kind.PLUGIN,
                jar.toString(), wrapper.getDescriptor().getVersion(), null);
        List<Found<JsModule>> modules = new ArrayList<>();
        List<Found<OutputFactory>> outputs = new ArrayList<>();
        for (String className : host.getExtensionClassNames(wrapper.getPluginId())) {
            Object provider = instantiate(wrapper, className, jar);
            if (provider instanceof JsModule module) {
                modules.add(new Found<>(module, origin));
            }
            if (provider instanceof OutputFactory factory) {
                outputs.add(new Found<>(factory, origin));
            }
        }
        return new FoundExtensions(modules, outputs);
    }

    private String load(Path jar, Map<String, Path> loaded) {
        try {
            return host.loadPlugin(jar);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            for (Map.Entry<String, Path> earlier : loaded.entrySet()) {
                if (message.contains("(" + earlier.getKey() + ")")) {
                    message = "it has the plugin id '" + earlier.getKey() + "' of " + earlier.getValue()
                            + "; give one of them another Plugin-Id in its manifest";
                }
            }
            throw new K6jException(ExitCode.INVALID_CONFIG, "could not load the plugin " + jar + ": " + message, e);
        }
    }

    private static Object instantiate(PluginWrapper plugin, String className, Path jar) {
        String where = "the plugin " + jar + " (" + className + ")";
        try {
            Class<?> type = plugin.getPluginClassLoader().loadClass(className);
            if (!JsModule.class.isAssignableFrom(type) && !OutputFactory.class.isAssignableFrom(type)) {
                throw K6jException.invalidConfig(where + " is listed as a provider but implements neither "
                        + JsModule.class.getName() + " nor " + OutputFactory.class.getName());
            }
            Method provider = providerMethod(type);
            return provider != null ? provider.invoke(null) : type.getConstructor().newInstance();
        } catch (ClassNotFoundException | LinkageError e) {
            throw new K6jException(ExitCode.INVALID_CONFIG, "could not load " + where + ": " + e, e);
        } catch (NoSuchMethodException e) {
            throw new K6jException(ExitCode.INVALID_CONFIG, "could not load " + where
                    + ": a provider needs a public no-argument constructor or a public static provider() method", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new K6jException(ExitCode.INVALID_CONFIG, "could not create " + where + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new K6jException(ExitCode.INVALID_CONFIG, "could not create " + where + ": " + e, e);
        }
    }

    /** ServiceLoader's alternative to a constructor: {@code public static provider()}. */
    private static Method providerMethod(Class<?> type) {
        try {
            Method method = type.getMethod("provider");
            return Modifier.isStatic(method.getModifiers()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private List<Path> jars() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new K6jException(ExitCode.INVALID_CONFIG, "could not list the plugins folder " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /** The folder this finder reads. */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        PluginHost current = host;
        host = null;
        if (current != null) {
            try {
                current.stopPlugins();
                current.unloadPlugins();
            } catch (RuntimeException e) {
                // Closing class loaders at the end of a run: nothing the user can act on.
            }
        }
    }
}
