package dev.k6j.engine.cli;

import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.extension.ondemand.CatalogListing;
import dev.k6j.engine.extension.ondemand.OnDemandSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code k6j extension list|search}: what the extension catalogs offer, and which of it this k6j has. */
@Command(name = "extension", description = "Show the extensions the catalogs offer (k6j fetches them on demand).",
        mixinStandardHelpOptions = true,
        subcommands = {ExtensionCommand.List.class, ExtensionCommand.Search.class})
public final class ExtensionCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code k6j extension list}. */
    @Command(name = "list", description = "List every extension of the catalogs (built-in and K6J_EXTENSION_CATALOG).",
            mixinStandardHelpOptions = true)
    static final class List implements Callable<Integer> {

        @Mixin
        ExtensionOptions extensionOptions;

        @Override
        public Integer call() {
            return print(extensionOptions, null);
        }
    }

    /** {@code k6j extension search TEXT}. */
    @Command(name = "search", description = "List the extensions whose name, coordinates or description contain TEXT.",
            mixinStandardHelpOptions = true)
    static final class Search implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "TEXT", description = "What to look for (any case).")
        String text;

        @Mixin
        ExtensionOptions extensionOptions;

        @Override
        public Integer call() {
            return print(extensionOptions, text);
        }
    }

    private static int print(ExtensionOptions options, String text) {
        try (ExtensionRegistry extensions = options.discover()) {
            CatalogListing listing = CatalogListing.load(OnDemandSettings.fromEnvironment(),
                    Path.of("").toAbsolutePath(), extensions, line -> System.err.println("WARN[0000] " + line));
            System.out.print(text == null ? listing.all() : listing.matching(text));
        }
        return 0;
    }
}
