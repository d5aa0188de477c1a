package dev.k6j.engine.extension.ondemand;

import dev.k6j.engine.Version;
import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.ExtensionInfo;
import dev.k6j.engine.extension.ExtensionOrigin;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.extension.SpiVersion;
import dev.k6j.engine.extension.ondemand.ScriptNeeds.Need;
import dev.k6j.engine.extension.plugin.PluginFinder;
import dev.k6j.resolver.ExtensionResolver;
import dev.k6j.resolver.ResolutionCache;
import dev.k6j.resolver.ResolutionException;
import dev.k6j.resolver.ResolvedExtension;
import dev.k6j.resolver.catalog.CatalogEntry;
import dev.k6j.resolver.catalog.CatalogException;
import dev.k6j.resolver.catalog.CatalogLoader;
import dev.k6j.resolver.catalog.ExtensionCatalog;
import dev.k6j.resolver.script.ScriptDependencies;
import dev.k6j.resolver.version.SemanticVersion;
import dev.k6j.resolver.version.VersionConstraint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Extensions on demand: gives a run what its script and {@code --out} flags need and this k6j lacks. Each missing
 * module or output is looked up in the extension catalogs, resolved from Maven repositories
 * ({@link ExtensionResolver}: settings.xml, checksums, the resolution cache) and loaded like a drop-in plugin, in a
 * class loader of its own with its libraries; one line says what was added. The {@code "use k6"} directives are
 * enforced on the way: on k6's version (k6j runs scripts of {@link Version#k6Compatibility()}) and on extensions
 * already present, which cannot be swapped at run time. Failures are one line: exit code 107 for what the script
 * imports, 104 for an {@code --out} name, as k6 would.
 *
 * <p>Used once per command, on the CLI's thread, before the test starts.
 */
public final class OnDemandExtensions {

    private final OnDemandSettings settings;
    private final Path workingDirectory;
    private final Consumer<String> info;
    private final Consumer<String> warn;

    /**
     * @param info where the line saying what was added goes
     * @param warn where warnings go (a catalog or a record used in place of an unreachable repository)
     */
    public OnDemandExtensions(OnDemandSettings settings, Path workingDirectory, Consumer<String> info,
            Consumer<String> warn) {
        this.settings = settings;
        this.workingDirectory = workingDirectory;
        this.info = info;
        this.warn = warn;
    }

    /**
     * {@code registry} with what {@code needs} lacks added; {@code registry} itself when nothing is missing or
     * resolution is off. The returned registry owns {@code registry}: close only the returned one.
     */
    public ExtensionRegistry complete(ExtensionRegistry registry, ScriptNeeds needs) {
        if (!settings.enabled()) {
            return registry;
        }
        checkK6(needs.k6());
        List<Need> missing = new ArrayList<>();
        for (Need need : needs.all()) {
            Optional<ExtensionInfo> present = need.output() ? registry.outputInfo(need.name())
                    : registry.moduleInfo(need.name());
            if (present.isPresent()) {
                checkPresentVersion(need, present.get());
            } else {
                missing.add(need);
            }
        }
        if (missing.isEmpty()) {
            return registry;
        }
        ExtensionCatalog catalog = catalog(missing);
        Map<String, Request> requests = requests(missing, catalog);
        if (requests.isEmpty()) {
            return registry;
        }
        List<PluginFinder.PluginJar> jars = new ArrayList<>();
        ResolutionCache cache = new ResolutionCache(settings.cacheDir().resolve("extensions"), Clock.systemUTC());
        try (ExtensionResolver resolver = new ExtensionResolver(settings.resolverOptions(), cache, warn)) {
            for (Request request : requests.values()) {
                ResolvedExtension resolved = resolve(resolver, request);
                info.accept("added " + String.join(", ", request.names()) + " " + resolved.version() + " on demand: "
                        + resolved.coordinates() + " from " + resolved.origin()
                        + (resolved.cached() ? " (resolved before; cached)" : ""));
                jars.add(new PluginFinder.PluginJar(resolved.jar(), resolved.libraries(), new ExtensionOrigin(
                        ExtensionOrigin.Kind.ON_DEMAND, resolved.coordinates() + " from " + resolved.origin(),
                        resolved.version(), resolved.spiRequires())));
            }
        }
        ExtensionRegistry completed = registry.plus(PluginFinder.of(cache.folder(), jars));
        for (Request request : requests.values()) {
            for (Need need : request.needs()) {
                boolean there = need.output() ? completed.outputInfo(need.name()).isPresent()
                        : completed.moduleInfo(need.name()).isPresent();
                if (!there) {
                    throw error(need, need.display() + ": " + request.entry().coordinates() + ", which the "
                            + request.entry().source() + " catalog names for it, does not provide it; fix the entry '"
                            + request.entry().key() + "' of that catalog");
                }
            }
        }
        return completed;
    }

    /** A missing need, the catalog entry that provides it, and the constraint it comes with. */
    private record Request(CatalogEntry entry, List<Need> needs, VersionConstraint constraint) {
        List<String> names() {
            return needs.stream().map(Need::display).toList();
        }
    }

    private Map<String, Request> requests(List<Need> missing, ExtensionCatalog catalog) {
        Map<String, Request> requests = new LinkedHashMap<>();
        for (Need need : missing) {
            Optional<CatalogEntry> entry = need.output() ? catalog.forOutput(need.name()) : catalog.forModule(need.name());
            if (entry.isEmpty()) {
                if (!need.output() && !need.name().startsWith("k6/x/")) {
                    continue; // a k6 name no catalog offers: the script's import error says what it is
                }
                throw error(need, need.display() + " is not in this k6j and no extension catalog offers it (catalogs: "
                        + String.join(", ", catalog.sources()) + "): add an entry for it to a catalog of your own and"
                        + " name that file or https URL in " + OnDemandSettings.CATALOGS + " (see docs/extensions.md),"
                        + " or drop its jar into the plugins folder (--plugins-dir, K6J_PLUGINS_DIR)");
            }
            Request earlier = requests.get(entry.get().key());
            List<Need> needs = new ArrayList<>(earlier == null ? List.of() : earlier.needs());
            needs.add(need);
            VersionConstraint constraint = earlier == null ? null : earlier.constraint();
            if (need.constraint() != null && constraint != null && !constraint.equals(need.constraint())) {
                throw error(need, need.display() + " and " + earlier.names().getFirst() + " come from the same"
                        + " extension, " + entry.get().coordinates() + ", but ask for different versions ("
                        + need.constraint() + " and " + constraint + "): keep one constraint");
            }
            requests.put(entry.get().key(), new Request(entry.get(), List.copyOf(needs),
                    constraint != null ? constraint : need.constraint()));
        }
        return requests;
    }

    private ResolvedExtension resolve(ExtensionResolver resolver, Request request) {
        Need first = request.needs().getFirst();
        try {
            return resolver.resolve(request.entry(), request.constraint(), SpiVersion.current(), first.display());
        } catch (ResolutionException e) {
            throw new K6jException(exitCode(request.needs()), e.getMessage(), e);
        }
    }

    private ExtensionCatalog catalog(List<Need> missing) {
        try {
            return new CatalogLoader(settings.cacheDir(), settings.offline(), warn)
                    .load(settings.catalogs(), workingDirectory);
        } catch (CatalogException e) {
            throw new K6jException(exitCode(missing), e.getMessage(), e);
        }
    }

    /** The k6 version a directive asks for against the k6 version k6j's scripts are written for. */
    private static void checkK6(ScriptDependencies.Requirement k6) {
        if (k6 == null || k6.constraint() == null) {
            return;
        }
        String level = Version.k6Compatibility();
        if (!k6.constraint().matches(SemanticVersion.parse(level).orElseThrow(), true)) {
            throw new K6jException(ExitCode.SCRIPT_EXCEPTION, "the directive \"" + k6.directive() + "\" in "
                    + k6.declaredIn() + " asks for k6 " + k6.constraint() + ", but this k6j runs scripts written for"
                    + " k6 v" + level + "; change the directive, or run the script with K6_AUTO_EXTENSION_RESOLUTION"
                    + "=false to ignore directives");
        }
    }

    /** A directive's constraint on an extension this k6j already has (built in, bundled, a plugin). */
    private static void checkPresentVersion(Need need, ExtensionInfo present) {
        if (need.constraint() == null) {
            return;
        }
        Optional<SemanticVersion> version = SemanticVersion.parse(present.version());
        if (version.isEmpty() || need.constraint().matches(version.get(), true)) {
            return; // a development build has no version to hold against it
        }
        throw error(need, need.display() + " " + need.constraint() + " is asked for by the directive "
                + need.directive() + ", but this k6j has " + present.name() + " " + present.version() + " ["
                + present.source() + "], which cannot be swapped while it runs: build a k6j without it (bundler build),"
                + " or take its jar out of the plugins folder, and it is resolved on demand");
    }

    private static K6jException error(Need need, String message) {
        return new K6jException(need.output() ? ExitCode.INVALID_CONFIG : ExitCode.SCRIPT_EXCEPTION, message);
    }

    private static ExitCode exitCode(List<Need> needs) {
        return needs.stream().allMatch(Need::output) ? ExitCode.INVALID_CONFIG : ExitCode.SCRIPT_EXCEPTION;
    }
}
