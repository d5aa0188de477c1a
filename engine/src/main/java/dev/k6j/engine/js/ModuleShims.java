package dev.k6j.engine.js;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Generates the small ES module that stands for a Java-provided module: it asks the VU's loader for the
 * module's exports and re-exports them by name. The text depends only on the module name and export names,
 * so every VU's context shares the one parsed copy.
 */
public final class ModuleShims {

    /** The hidden global through which generated modules fetch a VU's exports. */
    public static final String LOADER_GLOBAL = "__k6j_module";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private ModuleShims() {
    }

    /** The shim as UTF-8, as the file system serves it; the same for every VU, so made once per module. */
    private static final ConcurrentHashMap<String, Shim> CACHE = new ConcurrentHashMap<>();

    private record Shim(Set<String> exportNames, byte[] utf8) {
    }

    /**
     * {@link #source} as UTF-8 bytes, from a cache: every VU of a run asks for the same modules, several times each
     * while GraalJS resolves an import. A module whose export names differ from the cached ones gets a new shim.
     */
    public static byte[] utf8(String moduleName, Set<String> exportNames) {
        Shim shim = CACHE.get(moduleName);
        if (shim == null || !shim.exportNames.equals(exportNames)) {
            shim = new Shim(Set.copyOf(exportNames),
                    source(moduleName, exportNames).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            CACHE.put(moduleName, shim);
        }
        return shim.utf8;
    }

    public static String source(String moduleName, Set<String> exportNames) {
        StringBuilder js = new StringBuilder();
        js.append("const __m = globalThis.").append(LOADER_GLOBAL).append("(")
                .append(quote(moduleName)).append(");\n");
        js.append("export default __m.default;\n");
        for (String name : exportNames) {
            if (IDENTIFIER.matcher(name).matches() && !name.equals("default") && !name.equals("__m")) {
                js.append("export const ").append(name).append(" = __m.named.").append(name).append(";\n");
            }
        }
        return js.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
