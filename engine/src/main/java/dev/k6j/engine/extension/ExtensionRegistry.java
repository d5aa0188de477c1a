package dev.k6j.engine.extension;

import dev.k6j.engine.errors.ExitCode;
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
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JS modules and outputs available to a run: the engine's built-ins and every extension found on the class
 * path through {@link ServiceLoader} ({@code META-INF/services/dev.k6j.spi.JsModule} and
 * {@code …OutputFactory}).
 *
 * <pre>{@code
 * ExtensionRegistry extensions = ExtensionRegistry.discover(Main.class.getClassLoader());
 * Optional<OutputFactory> json = extensions.findOutput("json");
 * }</pre>
 *
 * <p>Discovery enforces k6's rules: extension modules are named {@code k6/x/<name>} (k6's own names belong to
 * the engine), and a module name or an output name/alias has one provider; a clash is an invalid-config error
 * that names both jars. Immutable once built, so any thread may read it.
 */
public final class ExtensionRegistry {

    private final Map<String, JsModule> jsModules;
    private final Map<String, OutputFactory> outputs;
    private final Map<String, OutputFactory> outputsByNameOrAlias;

    private ExtensionRegistry(Map<String, JsModule> jsModules, Map<String, OutputFactory> outputs,
            Map<String, OutputFactory> outputsByNameOrAlias) {
        this.jsModules = Collections.unmodifiableMap(jsModules);
        this.outputs = Collections.unmodifiableMap(outputs);
        this.outputsByNameOrAlias = Collections.unmodifiableMap(outputsByNameOrAlias);
    }

    /** Finds every {@link JsModule} and {@link OutputFactory} that {@code loader} can see. */
    public static ExtensionRegistry discover(ClassLoader loader) {
        return of(load(JsModule.class, "JS module", loader), load(OutputFactory.class, "output", loader));
    }

    /** A registry of the given providers (found by {@link #discover} or another way, such as a plugins folder). */
    public static ExtensionRegistry of(Collection<? extends JsModule> modules,
            Collection<? extends OutputFactory> outputFactories) {
        Map<String, JsModule> jsModules = new TreeMap<>();
        for (JsModule module : modules) {
            JsModuleNames.check(module);
            JsModule earlier = jsModules.putIfAbsent(module.name(), module);
            if (earlier != null) {
                throw duplicate("JS module '" + module.name() + "'", earlier, module);
            }
        }
        Map<String, OutputFactory> outputs = new TreeMap<>();
        Map<String, OutputFactory> byNameOrAlias = new LinkedHashMap<>();
        for (OutputFactory factory : outputFactories) {
            checkOutputName(factory.name(), factory);
            outputs.put(factory.name(), factory);
            for (String name : namesOf(factory)) {
                checkOutputName(name, factory);
                OutputFactory earlier = byNameOrAlias.putIfAbsent(name, factory);
                if (earlier != null && earlier != factory) {
                    throw duplicate("output '" + name + "'", earlier, factory);
                }
            }
        }
        return new ExtensionRegistry(jsModules, outputs, byNameOrAlias);
    }

    /** The JS modules by name, in name order. */
    public Map<String, JsModule> jsModules() {
        return jsModules;
    }

    /** The output factories by their {@code --out} name, in name order (aliases are not keys; see {@link #findOutput}). */
    public Map<String, OutputFactory> outputs() {
        return outputs;
    }

    /** The output factory for an {@code --out} name or one of its aliases. */
    public Optional<OutputFactory> findOutput(String nameOrAlias) {
        return Optional.ofNullable(outputsByNameOrAlias.get(nameOrAlias));
    }

    /** Everything found, built-ins included, JS modules first, each kind in name order. */
    public List<ExtensionInfo> describe() {
        List<ExtensionInfo> infos = new ArrayList<>();
        jsModules.values().forEach(m -> infos.add(
                new ExtensionInfo(m.name(), ExtensionInfo.JS, m.version(), ExtensionSource.of(m.getClass()))));
        outputs.values().forEach(o -> infos.add(
                new ExtensionInfo(o.name(), ExtensionInfo.OUTPUT, o.version(), ExtensionSource.of(o.getClass()))));
        infos.sort(Comparator.comparing((ExtensionInfo i) -> i.kind().equals(ExtensionInfo.JS) ? 0 : 1)
                .thenComparing(ExtensionInfo::name));
        return List.copyOf(infos);
    }

    private static <T> List<T> load(Class<T> type, String kind, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<T> provider : ServiceLoader.load(type, loader).stream().toList()) {
                try {
                    found.add(provider.get());
                } catch (ServiceConfigurationError | RuntimeException e) {
                    throw new K6jException(ExitCode.INVALID_CONFIG, "could not load the " + kind
                            + " extension " + ExtensionSource.describe(provider.type()) + ": " + reason(e), e);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new K6jException(ExitCode.INVALID_CONFIG,
                    "could not load " + kind + " extensions: " + reason(e), e);
        }
        return found;
    }

    private static String reason(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static List<String> namesOf(OutputFactory factory) {
        List<String> names = new ArrayList<>();
        names.add(factory.name());
        names.addAll(new TreeSet<>(factory.aliases()));
        return names;
    }

    private static void checkOutputName(String name, OutputFactory factory) {
        if (name == null || name.isBlank() || name.contains("=") || !name.strip().equals(name)) {
            throw K6jException.invalidConfig("the output from " + ExtensionSource.describe(factory.getClass())
                    + " has an unusable name '" + name + "': use letters, digits and dashes, as in --out my-output");
        }
    }

    private static K6jException duplicate(String what, Object first, Object second) {
        return K6jException.invalidConfig(what + " is provided twice: by "
                + ExtensionSource.describe(first.getClass()) + " and by " + ExtensionSource.describe(second.getClass())
                + "; remove one of them from the bundle");
    }
}
