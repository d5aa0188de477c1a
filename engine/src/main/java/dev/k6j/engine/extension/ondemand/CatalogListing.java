package dev.k6j.engine.extension.ondemand;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.ExtensionInfo;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.resolver.catalog.CatalogEntry;
import dev.k6j.resolver.catalog.CatalogException;
import dev.k6j.resolver.catalog.CatalogLoader;
import dev.k6j.resolver.catalog.ExtensionCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code k6j extension list|search}: the catalogs' entries, each with its coordinates, the versions the catalog
 * allows, its SPI range and whether this k6j has it already. Immutable.
 */
public final class CatalogListing {

    private final ExtensionCatalog catalog;
    private final ExtensionRegistry registry;

    private CatalogListing(ExtensionCatalog catalog, ExtensionRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    /** The catalogs of these settings, compared with {@code registry}. */
    public static CatalogListing load(OnDemandSettings settings, Path workingDirectory, ExtensionRegistry registry,
            Consumer<String> warnings) {
        try {
            return new CatalogListing(new CatalogLoader(settings.cacheDir(), settings.offline(), warnings)
                    .load(settings.catalogs(), workingDirectory), registry);
        } catch (CatalogException e) {
            throw new K6jException(ExitCode.INVALID_CONFIG, e.getMessage(), e);
        }
    }

    /** Every entry. */
    public String all() {
        return text(catalog.entries(), "");
    }

    /** The entries matching {@code text}. */
    public String matching(String text) {
        List<CatalogEntry> found = catalog.search(text);
        return found.isEmpty() ? "No extension in the catalogs (" + String.join(", ", catalog.sources())
                + ") matches '" + text + "'.\n" : text(found, " matching '" + text + "'");
    }

    private String text(List<CatalogEntry> entries, String what) {
        StringBuilder out = new StringBuilder("Extensions in the catalogs (" + String.join(", ", catalog.sources())
                + ")" + what + "; k6j fetches them when a script or --out needs them:\n");
        for (CatalogEntry entry : entries) {
            out.append("  ").append(String.join(", ", entry.provides())).append('\n');
            out.append("      ").append(entry.coordinates()).append("  versions: ")
                    .append(entry.versions().isEmpty() ? "any in the repositories" : String.join(", ", entry.versions()))
                    .append(entry.spi() == null ? "" : "  SPI " + entry.spi())
                    .append(entry.tier().isEmpty() ? "" : "  " + entry.tier())
                    .append("  [" + entry.source() + "]").append('\n');
            if (!entry.description().isEmpty()) {
                out.append("      ").append(entry.description()).append('\n');
            }
            out.append("      ").append(status(entry)).append('\n');
        }
        return out.toString();
    }

    private String status(CatalogEntry entry) {
        for (String name : entry.imports()) {
            Optional<ExtensionInfo> present = registry.moduleInfo(name);
            if (present.isPresent()) {
                return "here: " + present.get().version() + " [" + present.get().source() + "]";
            }
        }
        for (String name : entry.outputs()) {
            Optional<ExtensionInfo> present = registry.outputInfo(name);
            if (present.isPresent()) {
                return "here: " + present.get().version() + " [" + present.get().source() + "]";
            }
        }
        return "not in this k6j: fetched on demand";
    }
}
