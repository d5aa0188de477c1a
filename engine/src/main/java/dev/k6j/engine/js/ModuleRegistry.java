package dev.k6j.engine.js;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.spi.JsModule;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The JavaScript modules a script may import, by name: the engine's built-ins and the extensions found.
 * Immutable and shared by all VUs.
 */
public final class ModuleRegistry {

    private final Map<String, JsModule> modules;
    private final Function<String, Optional<K6jException>> unloadedPlugin;

    public ModuleRegistry(Map<String, JsModule> modules) {
        this(modules, what -> Optional.empty());
    }

    /**
     * @param unloadedPlugin for a missing extension module ("the module 'k6/x/…', which the script imports"): the
     *                       error of a plugin that could not be loaded and might have provided it, if any
     */
    public ModuleRegistry(Map<String, JsModule> modules, Function<String, Optional<K6jException>> unloadedPlugin) {
        this.modules = Map.copyOf(modules);
        this.unloadedPlugin = unloadedPlugin;
    }

    /** The module of that name, or {@code null}. */
    public JsModule get(String name) {
        return modules.get(name);
    }

    public Map<String, JsModule> all() {
        return modules;
    }

    /** k6j's own extension modules, by module name, with the bundler short name that adds each one. */
    private static final Map<String, String> FIRST_PARTY = Map.of(
            "k6/x/tcp", "tcp",
            "k6/x/websockets", "websockets",
            "k6/websockets", "websockets",
            "k6/experimental/websockets", "websockets",
            "k6/ws", "websockets",
            "k6/x/grpc", "grpc",
            "k6/net/grpc", "grpc");

    /**
     * The error of an import of a module nobody provides: when it is an extension's name and a plugin could not be
     * loaded, that plugin's reason (exit 104); otherwise {@link #unknownModuleMessage} (exit 107).
     */
    public K6jException unknownModule(String name) {
        Optional<K6jException> broken = name.startsWith("k6/x/") || FIRST_PARTY.containsKey(name)
                ? unloadedPlugin.apply("the module '" + name + "', which the script imports") : Optional.empty();
        return broken.orElseGet(() -> new K6jException(ExitCode.SCRIPT_EXCEPTION, unknownModuleMessage(name)));
    }

    /**
     * The one-line explanation for an import of a module that is not present, with what to do: the exact
     * {@code bundler build --with} for k6j's own extensions, the general form (and the plugins folder) for others.
     */
    public String unknownModuleMessage(String name) {
        String available = new TreeMap<>(modules).keySet().stream().collect(Collectors.joining(", "));
        String shortName = FIRST_PARTY.get(name);
        if (name.startsWith("k6/x/") || shortName != null) {
            String add = shortName != null
                    ? "add it with 'bundler build --with " + shortName + "'"
                    : "bundle the extension that provides it with 'bundler build --with <group:artifact[:version]>'"
                    + " (or the path of its jar or Maven project)";
            String what = name.startsWith("k6/x/") ? "the extension module '" + name + "'"
                    : "the module '" + name + "' (k6j delivers it as an extension)";
            return what + " is not in this k6j build: " + add
                    + ", or drop its jar into the plugins folder (--plugins-dir, K6J_PLUGINS_DIR). Modules present: "
                    + available;
        }
        return "unknown module '" + name + "': k6j does not provide it. Modules present: " + available;
    }

}
