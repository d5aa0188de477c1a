package dev.k6j.bundler.resolve;

import dev.k6j.bundler.BundlerException;
import dev.k6j.resolver.CacheFolder;
import dev.k6j.resolver.ExtensionResolver;
import dev.k6j.resolver.ResolutionException;
import dev.k6j.resolver.catalog.CatalogEntry;
import dev.k6j.resolver.catalog.CatalogException;
import dev.k6j.resolver.catalog.CatalogLoader;
import dev.k6j.resolver.catalog.ExtensionCatalog;
import dev.k6j.resolver.maven.ResolverContext;
import dev.k6j.resolver.maven.ResolverOptions;
import dev.k6j.resolver.script.ModuleGraph;
import dev.k6j.resolver.script.ScriptDependencies;
import dev.k6j.resolver.version.VersionConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code bundler build --from-script}: the extensions scripts need, as {@code --with} coordinates. Each script's
 * module graph is read as k6j reads it at run time ({@link ModuleGraph}); every {@code k6/x/…} import, every
 * {@code "use k6 with …"} directive and every k6 module name that a catalog offers as an extension is looked up in
 * the catalogs (built in, and {@value CatalogLoader#ENV}), and the version the directives allow is chosen from the
 * repositories ({@link ExtensionResolver#chooseVersion}). Immutable once scanned.
 */
public final class ScriptExtensions {

    private record Wanted(String need, CatalogEntry entry, VersionConstraint constraint) {
    }

    private final List<Wanted> wanted;

    private ScriptExtensions(List<Wanted> wanted) {
        this.wanted = List.copyOf(wanted);
    }

    /** Reads the scripts and the catalogs; an extension no catalog offers is an error naming the script. */
    public static ScriptExtensions scan(List<Path> scripts, Path workingDirectory) {
        if (scripts.isEmpty()) {
            return new ScriptExtensions(List.of());
        }
        ExtensionCatalog catalog;
        try {
            catalog = new CatalogLoader(CacheFolder.of(System.getenv(), System.getProperty("user.home")), false,
                    line -> System.err.println("warning: " + line))
                    .load(System.getenv(CatalogLoader.ENV), workingDirectory);
        } catch (CatalogException e) {
            throw new BundlerException(e.getMessage(), e);
        }
        Map<String, Wanted> byEntry = new LinkedHashMap<>();
        for (Path script : scripts) {
            Path file = workingDirectory.resolve(script).toAbsolutePath().normalize();
            ScriptDependencies dependencies;
            try {
                dependencies = ModuleGraph.walk(file.toUri(), Files.readString(file), ModuleGraph.LOCAL_FILES);
            } catch (IOException e) {
                throw new BundlerException("--from-script " + script + ": cannot read " + file + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new BundlerException("--from-script " + script + ": " + e.getMessage(), e);
            }
            List<String> names = new ArrayList<>(dependencies.requirements().keySet());
            dependencies.moduleNames().stream().filter(n -> !names.contains(n)).forEach(names::add);
            for (String name : names) {
                add(byEntry, name, dependencies, catalog, script);
            }
        }
        return new ScriptExtensions(new ArrayList<>(byEntry.values()));
    }

    private static void add(Map<String, Wanted> byEntry, String name, ScriptDependencies dependencies,
            ExtensionCatalog catalog, Path script) {
        if (name.equals("k6")) {
            return;
        }
        ScriptDependencies.Requirement requirement = dependencies.requirements().get(name);
        boolean output = requirement != null && requirement.isOutput();
        CatalogEntry entry = (output ? catalog.forOutput(requirement.outputName()) : catalog.forModule(name))
                .orElse(null);
        if (entry == null) {
            if (output || name.startsWith("k6/x/")) {
                throw new BundlerException("--from-script " + script + ": " + name + " is in no extension catalog ("
                        + String.join(", ", catalog.sources()) + "): add it with --with <group:artifact[:version]>,"
                        + " or add an entry for it to a catalog named in " + CatalogLoader.ENV);
            }
            return; // one of k6's own modules
        }
        VersionConstraint constraint = requirement == null ? null : requirement.constraint();
        Wanted earlier = byEntry.get(entry.key());
        if (earlier != null && earlier.constraint() != null && constraint != null
                && !earlier.constraint().equals(constraint)) {
            throw new BundlerException("--from-script: " + earlier.need() + " and " + name + " come from "
                    + entry.coordinates() + " but ask for different versions (" + earlier.constraint() + " and "
                    + constraint + ")");
        }
        if (earlier == null || earlier.constraint() == null) {
            byEntry.put(entry.key(), new Wanted(name, entry, constraint));
        }
    }

    /** {@code options} with the repositories the wanted catalog entries name, as {@code id::url}. */
    public ResolverOptions withRepositories(ResolverOptions options) {
        List<String> repositories = new ArrayList<>(options.repositories());
        for (Wanted w : wanted) {
            if (w.entry().repository() != null) {
                String repository = w.entry().repository().id() + "::" + w.entry().repository().url();
                if (!repositories.contains(repository)) {
                    repositories.add(repository);
                }
            }
        }
        return new ResolverOptions(options.settings(), options.localRepository(), repositories, options.offline());
    }

    /** The {@code --with} coordinates of what the scripts need, each at the version its constraint picks. */
    public List<String> choose(ResolverContext context, Consumer<String> report) {
        List<String> with = new ArrayList<>();
        ExtensionResolver resolver = new ExtensionResolver(context);
        for (Wanted w : wanted) {
            String version;
            try {
                version = resolver.chooseVersion(w.entry(), w.constraint(), w.need());
            } catch (ResolutionException e) {
                throw new BundlerException("--from-script: " + e.getMessage(), e);
            }
            String coordinates = w.entry().coordinates() + ":" + version;
            report.accept("from script: " + w.need() + (w.constraint() == null ? "" : " " + w.constraint()) + " -> "
                    + coordinates + " (" + w.entry().source() + " catalog)");
            with.add(coordinates);
        }
        return with;
    }
}
