package dev.k6j.resolver;

import dev.k6j.resolver.catalog.CatalogEntry;
import java.nio.file.Path;
import java.util.List;

/**
 * An extension resolved to files, ready to be loaded in a class loader of its own.
 *
 * @param entry       the catalog entry it was resolved from
 * @param version     the version chosen
 * @param jar         the extension's own jar
 * @param libraries   the jars it depends on (the SPI, the engine and GraalJS left out: the engine has them)
 * @param origin      where its jar came from: {@code central (https://…)}, {@code the local repository /…}
 * @param spiRequires the SPI range its manifest declares, or {@code null}
 * @param cached      whether k6j's resolution cache answered, without asking Maven
 */
public record ResolvedExtension(CatalogEntry entry, String version, Path jar, List<Path> libraries, String origin,
                                String spiRequires, boolean cached) {

    public ResolvedExtension {
        libraries = List.copyOf(libraries);
    }

    /** {@code group:artifact:version}. */
    public String coordinates() {
        return entry.coordinates() + ":" + version;
    }

    /** The extension's jar, then its libraries. */
    public List<Path> files() {
        List<Path> all = new java.util.ArrayList<>();
        all.add(jar);
        all.addAll(libraries);
        return all;
    }
}
