package dev.k6j.engine.extension.plugin;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.ExtensionFinder;
import dev.k6j.engine.extension.ExtensionOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where drop-in plugin jars are looked for, first match wins:
 * <ol>
 *   <li>{@code --plugins-dir DIR};</li>
 *   <li>the {@value #ENV} environment variable;</li>
 *   <li>{@code plugins/} in the engine's home: the {@code k6j.home} system property that the launchers set
 *       (the repository for {@code ./k6j}, the bundle's folder for a bundle's launcher);</li>
 *   <li>{@code plugins/} beside the engine or bundle jar, for {@code java -jar}.</li>
 * </ol>
 * A folder named by the flag or the variable must exist; a default one may be absent (no plugins).
 *
 * @param path     the folder
 * @param explicit whether the user named it (flag or variable)
 */
public record PluginsFolder(Path path, boolean explicit) {

    /** The environment variable that names the plugins folder. */
    public static final String ENV = "K6J_PLUGINS_DIR";

    /** The folder for these settings, or empty when there is no default (the engine runs from a classes folder). */
    public static Optional<PluginsFolder> locate(Path flag, Map<String, String> environment, String k6jHome,
            Class<?> engineClass) {
        if (flag != null) {
            return Optional.of(explicit(flag, "--plugins-dir"));
        }
        String fromEnv = environment.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(explicit(Path.of(fromEnv), ENV));
        }
        if (k6jHome != null && !k6jHome.isBlank()) {
            return Optional.of(new PluginsFolder(Path.of(k6jHome).resolve("plugins"), false));
        }
        return ExtensionOrigin.codeSource(engineClass)
                .filter(Files::isRegularFile)
                .map(jar -> new PluginsFolder(jar.toAbsolutePath().getParent().resolve("plugins"), false));
    }

    /** The folder for the running process: flag, {@code K6J_PLUGINS_DIR}, {@code -Dk6j.home}, beside the jar. */
    public static Optional<PluginsFolder> locate(Path flag) {
        return locate(flag, System.getenv(), System.getProperty("k6j.home"), PluginsFolder.class);
    }

    /** What finds the extensions in this folder's jars, for {@code ExtensionRegistry.standard}. */
    public ExtensionFinder finder() {
        return new PluginFinder(path);
    }

    private static PluginsFolder explicit(Path path, String from) {
        if (!Files.isDirectory(path)) {
            throw K6jException.invalidConfig("the plugins folder " + path + " (from " + from + ") does not exist");
        }
        return new PluginsFolder(path, true);
    }
}
