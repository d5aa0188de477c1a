package dev.k6j.resolver.catalog;

import java.util.List;

/**
 * One extension in a catalog: what scripts and the command line call it, where its artifact is, and what the
 * catalog vouches for. Shaped like an entry of k6's extension catalog, plus Maven coordinates. Immutable.
 *
 * @param key         the entry's key in its catalog (an import path or an output name, as in k6's catalogs); a
 *                    later catalog's entry with the same key replaces it
 * @param module      the project's identity as the catalog names it (k6 writes a Go module; any text)
 * @param description one line
 * @param imports     the module names it provides to scripts ({@code k6/x/greeting})
 * @param outputs     the {@code --out} names it provides
 * @param versions    the versions the catalog allows, newest first or in any order; empty means any version the
 *                    repositories have
 * @param groupId     the Maven group
 * @param artifactId  the Maven artifact
 * @param spi         the k6j SPI versions it was built for ({@code [0.1,0.2)}), or {@code null} when not stated
 * @param tier        {@code official}, {@code community}, … as the catalog says; may be empty
 * @param repository  a Maven repository to search besides the user's settings, or {@code null}
 * @param source      the catalog it came from (a path, a URL, or {@code built-in})
 */
public record CatalogEntry(String key, String module, String description, List<String> imports,
                           List<String> outputs, List<String> versions, String groupId, String artifactId, String spi,
                           String tier, Repository repository, String source) {

    /**
     * A repository named by a catalog entry.
     *
     * @param id  the id its credentials and mirrors are found by in settings.xml
     * @param url its URL
     */
    public record Repository(String id, String url) {
    }

    public CatalogEntry {
        imports = List.copyOf(imports);
        outputs = List.copyOf(outputs);
        versions = List.copyOf(versions);
    }

    /** {@code group:artifact}. */
    public String coordinates() {
        return groupId + ":" + artifactId;
    }

    /** What it provides, for listings: {@code k6/x/greeting}, {@code --out kafka}. */
    public List<String> provides() {
        List<String> all = new java.util.ArrayList<>(imports);
        outputs.forEach(o -> all.add("--out " + o));
        return all;
    }
}
