package dev.k6j.engine.cli;

import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.extension.PluginsFolder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where extensions come from beyond the engine's own jar: the plugins folder. */
public final class ExtensionOptions {

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Load drop-in extension jars from DIR (default: K6J_PLUGINS_DIR, else plugins/ beside the engine).")
    Path pluginsDir;

    /** The modules and outputs of this engine and its plugins folder; close it when done. */
    ExtensionRegistry discover() {
        return ExtensionRegistry.standard(PluginsFolder.locate(pluginsDir));
    }
}
