package dev.k6j.resolver.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The extensions k6j can fetch by name: one or more catalog files merged, later ones overriding earlier ones.
 * A catalog is a JSON object keyed by import path or output name, each entry shaped like k6's extension catalog
 * with the Maven coordinates added:
 * <pre>
 * {
 *   "k6/x/greeting": {
 *     "module": "com.example:k6j-greeting",
 *     "description": "Greetings, now or later",
 *     "imports": ["k6/x/greeting"],
 *     "outputs": [],
 *     "versions": ["1.0.0"],
 *     "groupId": "com.example",
 *     "artifactId": "k6j-greeting",
 *     "spi": "[0.1,0.2)",
 *     "tier": "community",
 *     "repository": {"id": "acme", "url": "https://repo.acme.com/maven2"}
 *   }
 * }
 * </pre>
 * {@code coordinates: "group:artifact"} may stand for {@code groupId} and {@code artifactId}; {@code repository}
 * may be a plain URL. A name (import or output) is found in the last catalog that offers it. Immutable.
 */
public final class ExtensionCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<CatalogEntry> entries;
    private final List<String> sources;

    private ExtensionCatalog(List<CatalogEntry> entries, List<String> sources) {
        this.entries = List.copyOf(entries);
        this.sources = List.copyOf(sources);
    }

    /** No extensions. */
    public static ExtensionCatalog empty() {
        return new ExtensionCatalog(List.of(), List.of());
    }

    /**
     * Reads one catalog's text.
     *
     * @param source where it came from, for messages and listings
     * @throws CatalogException a file that is not such a catalog, naming the source and the entry
     */
    public static ExtensionCatalog parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogException("the extension catalog " + source + " is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CatalogException("the extension catalog " + source + " must be a JSON object keyed by import"
                    + " path or output name");
        }
        List<CatalogEntry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            entries.add(entry(field.getKey(), field.getValue(), source));
        }
        return new ExtensionCatalog(entries, List.of(source));
    }

    private static CatalogEntry entry(String key, JsonNode node, String source) {
        String where = "the entry '" + key + "' of the extension catalog " + source;
        if (!node.isObject()) {
            throw new CatalogException(where + " must be an object");
        }
        String groupId = text(node, "groupId");
        String artifactId = text(node, "artifactId");
        String coordinates = text(node, "coordinates");
        if (coordinates != null) {
            String[] parts = coordinates.split(":");
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new CatalogException(where + " has coordinates '" + coordinates + "': write group:artifact");
            }
            groupId = parts[0].strip();
            artifactId = parts[1].strip();
        }
        if (groupId == null || artifactId == null) {
            throw new CatalogException(where + " has no Maven coordinates: add \"groupId\" and \"artifactId\" (or"
                    + " \"coordinates\": \"group:artifact\")");
        }
        List<String> imports = strings(node, "imports", where);
        List<String> outputs = strings(node, "outputs", where);
        if (imports.isEmpty() && outputs.isEmpty()) {
            if (key.startsWith("k6/")) {
                imports = List.of(key); // k6's catalogs key a module's entry by its import path
            } else {
                throw new CatalogException(where + " provides nothing: list the modules it provides in \"imports\""
                        + " or the outputs in \"outputs\"");
            }
        }
        for (String name : imports) {
            if (!name.startsWith("k6/")) {
                throw new CatalogException(where + " lists the import '" + name + "': extension modules are named"
                        + " k6/x/<name>");
            }
        }
        String module = text(node, "module");
        return new CatalogEntry(key, module == null ? groupId + ":" + artifactId : module,
                Optional.ofNullable(text(node, "description")).orElse(""), imports, outputs,
                strings(node, "versions", where), groupId, artifactId, text(node, "spi"),
                Optional.ofNullable(text(node, "tier")).orElse(""), repository(node.get("repository"), where), source);
    }

    private static CatalogEntry.Repository repository(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        String url = node.isTextual() ? node.asText() : text(node, "url");
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("file:"))) {
            throw new CatalogException(where + " has a repository without a usable \"url\" (https://…, or file:…)");
        }
        String id = node.isObject() ? text(node, "id") : null;
        if (id == null) {
            id = "catalog-" + java.net.URI.create(url).getHost();
        }
        return new CatalogEntry.Repository(id, url);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }

    private static List<String> strings(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new CatalogException(where + ": \"" + field + "\" must be a list of strings");
        }
        List<String> result = new ArrayList<>();
        value.forEach(v -> result.add(v.asText().strip()));
        return result;
    }

    /** This catalog with {@code later}'s entries on top (an entry with the same key replaces the earlier one). */
    public ExtensionCatalog plus(ExtensionCatalog later) {
        Map<String, CatalogEntry> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.put(e.key(), e));
        later.entries.forEach(e -> {
            byKey.remove(e.key());
            byKey.put(e.key(), e);
        });
        List<String> allSources = new ArrayList<>(sources);
        allSources.addAll(later.sources);
        return new ExtensionCatalog(new ArrayList<>(byKey.values()), allSources);
    }

    /** The entry that provides the module {@code name} ({@code k6/x/greeting}), from the last catalog offering it. */
    public Optional<CatalogEntry> forModule(String name) {
        return entries.reversed().stream().filter(e -> e.imports().contains(name)).findFirst();
    }

    /** The entry that provides the output {@code name} ({@code --out name}). */
    public Optional<CatalogEntry> forOutput(String name) {
        return entries.reversed().stream().filter(e -> e.outputs().contains(name)).findFirst();
    }

    /** Every entry, by key. */
    public List<CatalogEntry> entries() {
        return entries.stream().sorted(Comparator.comparing(CatalogEntry::key)).toList();
    }

    /** The entries whose key, names, coordinates or description contain {@code text} (any case). */
    public List<CatalogEntry> search(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return entries().stream().filter(e -> (e.key() + " " + String.join(" ", e.provides()) + " " + e.module()
                + " " + e.coordinates() + " " + e.description() + " " + e.tier()).toLowerCase(Locale.ROOT)
                .contains(wanted)).toList();
    }

    /** The catalogs read, in order: {@code built-in}, then paths and URLs. */
    public List<String> sources() {
        return sources;
    }
}
