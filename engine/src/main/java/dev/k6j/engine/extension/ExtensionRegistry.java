package dev.k6j.engine.extension;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.OutputFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JS modules and outputs available to a run: the engine's built-ins, the extensions found on the class path
 * (or merged into a bundle) through {@link ServiceLoader}, and the drop-in plugins of a plugins folder.
 *
 * <pre>{@code
 * try (ExtensionRegistry extensions = ExtensionRegistry.standard(PluginsFolder.locate(pluginsDirFlag)
 *         .map(PluginsFolder::finder))) {
 *     Optional<OutputFactory> json = extensions.findOutput("json");
 * }
 * }</pre>
 *
 * <p>Discovery enforces k6's rules: extension modules are named {@code k6/x/<name>} (k6's own names belong to
 * the engine), and a module name or an output name/alias has one provider; a clash is an invalid-config error
 * that names both jars. Immutable once built, so any thread may read it; {@link #close} (plugins' class loaders)
 * once the run is over.
 */
public final class ExtensionRegistry implements AutoCloseable {

    private final Map<String, Found<JsModule>> jsModules;
    private final Map<String, Found<JsModule>> jsModulesByAlias;
    private final Map<String, Found<OutputFactory>> outputs;
    private final Map<String, OutputFactory> outputsByNameOrAlias;
    private final ExtensionFinder finder;
    private final FoundExtensions found;

    private ExtensionRegistry(Map<String, Found<JsModule>> jsModules, Map<String, Found<JsModule>> jsModulesByAlias,
            Map<String, Found<OutputFactory>> outputs,
            Map<String, OutputFactory> outputsByNameOrAlias, ExtensionFinder finder, FoundExtensions found) {
        this.jsModules = Collections.unmodifiableMap(jsModules);
        this.jsModulesByAlias = Collections.unmodifiableMap(jsModulesByAlias);
        this.outputs = Collections.unmodifiableMap(outputs);
        this.outputsByNameOrAlias = Collections.unmodifiableMap(outputsByNameOrAlias);
        this.finder = finder;
        this.found = found;
    }

    /** Finds every {@link JsModule} and {@link OutputFactory} that {@code loader} can see (no plugins). */
    public static ExtensionRegistry discover(ClassLoader loader) {
        return discover(new ServiceLoaderFinder(loader));
    }

    /**
     * The engine's usual discovery: the class path of the engine (built-ins, bundle, extra jars), then what
     * {@code plugins} finds (the plugins folder's jars, {@code PluginsFolder.finder()}), if there is a folder.
     */
    public static ExtensionRegistry standard(Optional<? extends ExtensionFinder> plugins) {
        List<ExtensionFinder> finders = new ArrayList<>();
        finders.add(new ServiceLoaderFinder(ExtensionRegistry.class.getClassLoader()));
        plugins.ifPresent(finders::add);
        return discover(new CompoundExtensionFinder(finders));
    }

    /** The registry of what {@code finder} finds; the registry closes the finder. */
    public static ExtensionRegistry discover(ExtensionFinder finder) {
        try {
            return of(finder.find(), finder);
        } catch (RuntimeException e) {
            finder.close();
            throw e;
        }
    }

    /** A registry of the given providers, each with the origin its class suggests (for tests and embedding). */
    public static ExtensionRegistry of(Collection<? extends JsModule> modules,
            Collection<? extends OutputFactory> outputFactories) {
        List<Found<JsModule>> foundModules = new ArrayList<>();
        modules.forEach(m -> foundModules.add(new Found<>(m, ExtensionOrigin.ofClass(m.getClass()))));
        List<Found<OutputFactory>> foundOutputs = new ArrayList<>();
        outputFactories.forEach(o -> foundOutputs.add(new Found<>(o, ExtensionOrigin.ofClass(o.getClass()))));
        return of(new FoundExtensions(foundModules, foundOutputs), new ExtensionFinder() {
            @Override
            public FoundExtensions find() {
                return FoundExtensions.NONE;
            }
        });
    }

    private static ExtensionRegistry of(FoundExtensions found, ExtensionFinder finder) {
        Map<String, Found<JsModule>> jsModules = new TreeMap<>();
        for (Found<JsModule> module : found.modules()) {
            JsModuleNames.check(module);
            JsModuleNames.checkAliases(module);
            Found<JsModule> earlier = jsModules.putIfAbsent(module.extension().name(), module);
            if (earlier != null) {
                throw duplicate("JS module '" + module.extension().name() + "'", earlier, module);
            }
        }
        Map<String, Found<JsModule>> jsModulesByAlias = new TreeMap<>();
        for (Found<JsModule> module : found.modules()) {
            for (String alias : module.extension().aliases()) {
                Found<JsModule> earlier = jsModules.containsKey(alias)
                        ? jsModules.get(alias) : jsModulesByAlias.putIfAbsent(alias, module);
                if (earlier != null && earlier.extension() != module.extension()) {
                    throw duplicate("JS module '" + alias + "'", earlier, module);
                }
            }
        }
        Map<String, Found<OutputFactory>> outputs = new TreeMap<>();
        Map<String, Found<OutputFactory>> byNameOrAlias = new LinkedHashMap<>();
        for (Found<OutputFactory> factory : found.outputs()) {
            checkOutputName(factory.extension().name(), factory);
            outputs.put(factory.extension().name(), factory);
            for (String name : namesOf(factory.extension())) {
                checkOutputName(name, factory);
                Found<OutputFactory> earlier = byNameOrAlias.putIfAbsent(name, factory);
                if (earlier != null && earlier.extension() != factory.extension()) {
                    throw duplicate("output '" + name + "'", earlier, factory);
                }
            }
        }
        Map<String, OutputFactory> factories = new LinkedHashMap<>();
        byNameOrAlias.forEach((name, f) -> factories.put(name, f.extension()));
        return new ExtensionRegistry(jsModules, jsModulesByAlias, outputs, factories, finder, found);
    }

    /**
     * This registry with what {@code more} finds added (extensions resolved on demand), checked by the same rules.
     * The new registry closes both finders; use it instead of this one.
     */
    public ExtensionRegistry plus(ExtensionFinder more) {
        try {
            return of(found.plus(more.find()), new CompoundExtensionFinder(finder, more));
        } catch (RuntimeException e) {
            more.close();
            throw e;
        }
    }

    /** The JS module answering {@code name} (a name or an alias), with its version and origin, if there is one. */
    public Optional<ExtensionInfo> moduleInfo(String name) {
        Found<JsModule> module = jsModules.getOrDefault(name, jsModulesByAlias.get(name));
        return Optional.ofNullable(module).map(m -> info(m.extension().name(), ExtensionInfo.JS,
                m.extension().version(), m.origin()));
    }

    /** The output answering {@code --out name} (a name or an alias), with its version and origin, if there is one. */
    public Optional<ExtensionInfo> outputInfo(String name) {
        return outputs.values().stream().filter(o -> namesOf(o.extension()).contains(name)).findFirst()
                .map(o -> info(o.extension().name(), ExtensionInfo.OUTPUT, o.extension().version(), o.origin()));
    }

    /** The plugins that could not be loaded; a run warns about each, and fails only when it needs one. */
    public List<BrokenPlugin> brokenPlugins() {
        return found.broken();
    }

    /**
     * What the failure to find {@code what} (e.g. "the module 'k6/x/greeter', which the script imports") comes to
     * when plugins are broken: the first one's reason, exit 104; empty when none is broken.
     */
    public Optional<K6jException> brokenPluginFor(String what) {
        List<BrokenPlugin> brokenPlugins = found.broken();
        if (brokenPlugins.isEmpty()) {
            return Optional.empty();
        }
        K6jException first = brokenPlugins.getFirst().failure();
        String others = brokenPlugins.size() == 1 ? "" : " (and " + (brokenPlugins.size() - 1)
                + " more plugin(s) could not be loaded)";
        return Optional.of(new K6jException(first.exitCode(), first.getMessage() + "; that plugin may provide " + what
                + ", which no loaded extension does" + others, first));
    }

    /** The JS modules by name and by alias, in name order. */
    public Map<String, JsModule> jsModules() {
        Map<String, JsModule> modules = new TreeMap<>();
        jsModules.forEach((name, found) -> modules.put(name, found.extension()));
        jsModulesByAlias.forEach((alias, found) -> modules.put(alias, found.extension()));
        return Collections.unmodifiableMap(modules);
    }

    /** The output factories by their {@code --out} name, in name order (aliases are not keys; see {@link #findOutput}). */
    public Map<String, OutputFactory> outputs() {
        Map<String, OutputFactory> factories = new TreeMap<>();
        outputs.forEach((name, found) -> factories.put(name, found.extension()));
        return Collections.unmodifiableMap(factories);
    }

    /** The output factory for an {@code --out} name or one of its aliases. */
    public Optional<OutputFactory> findOutput(String nameOrAlias) {
        return Optional.ofNullable(outputsByNameOrAlias.get(nameOrAlias));
    }

    /** Everything found, built-ins included, JS modules first, each kind in name order. */
    public List<ExtensionInfo> describe() {
        List<ExtensionInfo> infos = new ArrayList<>();
        jsModules.values().forEach(m -> infos.add(info(nameWithAliases(m.extension()), ExtensionInfo.JS,
                m.extension().version(), m.origin())));
        outputs.values().forEach(o -> infos.add(info(o.extension().name(), ExtensionInfo.OUTPUT,
                o.extension().version(), o.origin())));
        infos.sort(Comparator.comparing((ExtensionInfo i) -> i.kind().equals(ExtensionInfo.JS) ? 0 : 1)
                .thenComparing(ExtensionInfo::name));
        return List.copyOf(infos);
    }

    /** {@code k6/x/websockets (also k6/websockets, k6/ws)}: what a script may import it as. */
    private static String nameWithAliases(JsModule module) {
        List<String> aliases = module.aliases();
        return aliases.isEmpty() ? module.name() : module.name() + " (also " + String.join(", ", aliases) + ")";
    }

    private static ExtensionInfo info(String name, String kind, String version, ExtensionOrigin origin) {
        // In a bundle the jars' manifests are gone: the bundler recorded each extension's version, and a
        // built-in's version is the engine's.
        boolean unknown = version == null || version.equals("(development)");
        String shown = version;
        if (unknown && origin.version() != null) {
            shown = origin.version();
        } else if (unknown && origin.kind() == ExtensionOrigin.Kind.BUILT_IN) {
            shown = dev.k6j.engine.Version.engine().substring(1);
        }
        return new ExtensionInfo(name, kind, shown, origin.describe());
    }

    /** Releases the plugins' class loaders. Call once nothing uses the extensions any more. */
    @Override
    public void close() {
        finder.close();
    }

    private static List<String> namesOf(OutputFactory factory) {
        List<String> names = new ArrayList<>();
        names.add(factory.name());
        names.addAll(new TreeSet<>(factory.aliases()));
        return names;
    }

    private static void checkOutputName(String name, Found<OutputFactory> factory) {
        if (name == null || name.isBlank() || name.contains("=") || !name.strip().equals(name)) {
            throw K6jException.invalidConfig("the output from " + factory.describe()
                    + " has an unusable name '" + name + "': use letters, digits and dashes, as in --out my-output");
        }
    }

    private static K6jException duplicate(String what, Found<?> first, Found<?> second) {
        return K6jException.invalidConfig(what + " is provided twice: by " + first.describe() + " and by "
                + second.describe() + "; remove one of them (rebuild the bundle without it, or take its jar out of"
                + " the plugins folder)");
    }
}
