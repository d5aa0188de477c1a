package dev.k6j.engine.js;

import dev.k6j.spi.JsModule;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The JavaScript modules a script may import, by name: the engine's built-ins and the extensions found.
 * Immutable and shared by all VUs.
 */
public final class ModuleRegistry {

    private final Map<String, JsModule> modules;

    public ModuleRegistry(Map<String, JsModule> modules) {
        this.modules = Map.copyOf(modules);
    }

    /** The module of that name, or {@code null}. */
    public JsModule get(String name) {
        return modules.get(name);
    }

    public Map<String, JsModule> all() {
        return modules;
    }

    /** Extension modules this project publishes, by the short name the bundler knows them by. */
    private static final java.util.Set<String> FIRST_PARTY = java.util.Set.of("tcp", "websockets", "grpc");

    /** The one-line explanation for an import of a module that is not present, with what to do. */
    public String unknownModuleMessage(String name) {
        String available = new TreeMap<>(modules).keySet().stream().collect(Collectors.joining(", "));
        if (name.startsWith("k6/x/")) {
            String shortName = name.substring("k6/x/".length());
            String how = FIRST_PARTY.contains(shortName)
                    ? "'bundler build --with " + shortName + "'"
                    : "'bundler build --with <group:artifact:version>' of the extension that provides it";
            return "the extension module '" + name + "' is not in this k6j build; add it with " + how
                    + ", or drop its jar into the plugins/ folder. Modules present: " + available;
        }
        return "unknown module '" + name + "': k6j does not provide it. Modules present: " + available;
    }
}
