package dev.k6j.engine.cli;

import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.extension.ondemand.OnDemandExtensions;
import dev.k6j.engine.extension.ondemand.OnDemandSettings;
import dev.k6j.engine.extension.ondemand.ScriptNeeds;
import dev.k6j.engine.extension.plugin.PluginsFolder;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.vu.ConsoleLog;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where extensions come from beyond the engine's own jar: the plugins folder, and Maven repositories on demand. */
public final class ExtensionOptions {

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Load drop-in extension jars from DIR (default: K6J_PLUGINS_DIR, else plugins/ beside the engine).")
    Path pluginsDir;

    /** The modules and outputs of this engine and its plugins folder; close it when done. */
    ExtensionRegistry discover() {
        return ExtensionRegistry.standard(PluginsFolder.locate(pluginsDir).map(PluginsFolder::finder));
    }

    /**
     * The modules and outputs of this engine and its plugins folder, plus what {@code script} and {@code outs} need
     * and they lack, resolved on demand (unless K6_AUTO_EXTENSION_RESOLUTION=false); close it when done.
     */
    ExtensionRegistry discover(Script script, List<String> outs, Path workingDirectory, ConsoleLog log) {
        ScriptNeeds needs = ScriptNeeds.of(script, outs, workingDirectory);
        ExtensionRegistry registry = discover();
        try {
            return new OnDemandExtensions(OnDemandSettings.fromEnvironment(), workingDirectory,
                    line -> log.log("info", 0, line), line -> log.log("warn", 0, line)).complete(registry, needs);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }
}
