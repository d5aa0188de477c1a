package dev.k6j.bundler.assemble;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code META-INF/services/*} files of all merged jars, concatenated per service: every provider line kept once,
 * in first-seen order, comments dropped. Without this, the last jar's file would hide the others' providers.
 *
 * <p>Not thread-safe; one merge at a time.
 */
final class ServiceFiles {

    static final String PREFIX = "META-INF/services/";

    private final Map<String, Set<String>> providersByService = new LinkedHashMap<>();

    /** Whether the entry is a services file. */
    static boolean isServiceFile(String name) {
        return name.startsWith(PREFIX) && name.length() > PREFIX.length() && name.indexOf('/', PREFIX.length()) < 0;
    }

    /** Adds the providers of one jar's file. */
    void add(String name, byte[] content) {
        providersByService.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(lines(content));
    }

    /** The merged files: entry name to content. */
    Map<String, byte[]> merged() {
        Map<String, byte[]> merged = new LinkedHashMap<>();
        providersByService.forEach((name, providers) -> merged.put(name,
                (String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8)));
        return merged;
    }

    /** The provider lines of a services file, without comments and blanks. */
    static List<String> lines(byte[] content) {
        List<String> lines = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\\R")) {
            int comment = line.indexOf('#');
            String provider = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!provider.isEmpty()) {
                lines.add(provider);
            }
        }
        return lines;
    }
}
