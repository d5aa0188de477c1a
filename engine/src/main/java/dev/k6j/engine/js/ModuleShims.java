package dev.k6j.engine.js;

import java.util.Set;
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
