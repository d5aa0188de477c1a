package dev.k6j.engine.cli;

import dev.k6j.engine.Version;
import dev.k6j.engine.extension.BundleContents;
import dev.k6j.engine.extension.ExtensionInfo;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.extension.SpiVersion;
import dev.k6j.engine.extension.plugin.PluginsFolder;
import dev.k6j.engine.js.JsRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;

/**
 * {@code k6j version}: the engine's and the SPI's versions, the JavaScript runtime and its mode, and every module
 * and output found with its version and where it came from (built-in, bundle, plugin jar), like {@code k6 version}.
 */
@Command(name = "version", description = "Show the version, the JS runtime and the extensions.",
        mixinStandardHelpOptions = true)
public final class VersionCommand implements Callable<Integer> {

    @Mixin
    ExtensionOptions extensionOptions = new ExtensionOptions();

    @Override
    public Integer call() {
        lines(extensionOptions.pluginsDir).forEach(System.out::println);
        return 0;
    }

    static List<String> lines(Path pluginsDir) {
        List<String> lines = new ArrayList<>();
        String mode;
        try (JsRuntime runtime = new JsRuntime()) {
            mode = runtime.mode();
        }
        lines.add("k6j " + Version.engine() + " (java " + Runtime.version() + ", GraalJS " + Version.graal() + ")");
        lines.add("SPI: v" + SpiVersion.current());
        lines.add("JS runtime: " + mode);
        BundleContents bundle = BundleContents.read(VersionCommand.class.getClassLoader());
        bundle.engine().ifPresent(engine -> lines.add("Bundle: " + engine + " with "
                + bundle.extensions().size() + " extension artifact(s)"));
        Optional<PluginsFolder> plugins = PluginsFolder.locate(pluginsDir);
        plugins.ifPresent(folder -> lines.add("Plugins folder: " + folder.path().toAbsolutePath().normalize()
                + (Files.isDirectory(folder.path()) ? "" : " (absent)")));
        lines.add("Modules and outputs:");
        try (ExtensionRegistry extensions = ExtensionRegistry.standard(plugins.map(PluginsFolder::finder))) {
            for (ExtensionInfo info : extensions.describe()) {
                lines.add("  " + info.name() + " " + info.version() + ", " + info.kind() + " [" + info.source() + "]");
            }
        }
        return lines;
    }

    /** For {@code k6j --version}. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return lines(null).toArray(String[]::new);
        }
    }
}
