package dev.k6j.engine.cli;

import dev.k6j.engine.Version;
import dev.k6j.engine.extension.ExtensionInfo;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.JsRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code k6j version}: the engine's version, its JavaScript runtime and mode, and every module and output found,
 * like {@code k6 version}.
 */
@Command(name = "version", description = "Show the version, the JS runtime and the extensions.",
        mixinStandardHelpOptions = true)
public final class VersionCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        lines().forEach(System.out::println);
        return 0;
    }

    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        String mode;
        try (JsRuntime runtime = new JsRuntime()) {
            mode = runtime.mode();
        }
        lines.add("k6j " + Version.engine() + " (java " + Runtime.version() + ", GraalJS " + Version.graal() + ")");
        lines.add("JS runtime: " + mode);
        lines.add("Modules and outputs:");
        for (ExtensionInfo info : ExtensionRegistry.discover(VersionCommand.class.getClassLoader()).describe()) {
            lines.add("  " + info.name() + " " + info.version() + ", " + info.kind() + " [" + info.source() + "]");
        }
        return lines;
    }

    /** For {@code k6j --version}. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return lines().toArray(String[]::new);
        }
    }
}
