package dev.k6j.engine.extension.ondemand;

import dev.k6j.engine.Version;
import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.ExtensionInfo;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.Script;
import dev.k6j.resolver.catalog.CatalogEntry;
import dev.k6j.resolver.catalog.CatalogException;
import dev.k6j.resolver.catalog.CatalogLoader;
import dev.k6j.resolver.catalog.ExtensionCatalog;
import dev.k6j.resolver.script.ScriptDependencies;
import dev.k6j.resolver.script.UseDirectives;
import dev.k6j.resolver.version.SemanticVersion;
import dev.k6j.resolver.version.VersionConstraint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code k6j deps}: a script's dependencies in {@code k6 deps}' shape — {@code buildDependencies} (name to
 * constraint), {@code imports}, {@code customBuildRequired} — plus, per extension, whether this k6j has it and
 * which catalog entry would supply it on demand. Unlike k6, an extension module the running k6j already has is
 * listed too (k6 lists only what its binary lacks). Immutable.
 */
public final class DependencyReport {

    /**
     * One extension the script needs.
     *
     * @param name       {@code k6/x/greeting}, {@code k6/net/grpc} or {@code output/kafka}
     * @param constraint {@code *} or the directive's constraint
     * @param present    what this k6j has under that name, if anything
     * @param satisfied  whether what it has satisfies the constraint
     * @param entry      the catalog entry that would supply it, if any
     */
    public record Extension(String name, String constraint, Optional<ExtensionInfo> present, boolean satisfied,
                            Optional<CatalogEntry> entry) {
    }

    private final ScriptDependencies dependencies;
    private final Map<String, String> buildDependencies;
    private final List<Extension> extensions;
    private final boolean customBuildRequired;
    private final String k6Problem;

    private DependencyReport(ScriptDependencies dependencies, Map<String, String> buildDependencies,
            List<Extension> extensions, boolean customBuildRequired, String k6Problem) {
        this.dependencies = dependencies;
        this.buildDependencies = buildDependencies;
        this.extensions = extensions;
        this.customBuildRequired = customBuildRequired;
        this.k6Problem = k6Problem;
    }

    /** The report of {@code script} against what {@code registry} has and what the catalogs offer. */
    public static DependencyReport of(Script script, Path workingDirectory, ExtensionRegistry registry,
            OnDemandSettings settings) {
        ScriptDependencies dependencies = ScriptNeeds.scan(script, workingDirectory);
        ExtensionCatalog catalog;
        try {
            catalog = new CatalogLoader(settings.cacheDir(), settings.offline(),
                    line -> System.err.println("WARN[0000] " + line)).load(settings.catalogs(), workingDirectory);
        } catch (CatalogException e) {
            throw new K6jException(ExitCode.INVALID_CONFIG, e.getMessage(), e);
        }
        Map<String, String> build = new TreeMap<>();
        List<Extension> extensions = new ArrayList<>();
        for (ScriptNeeds.Need need : ScriptNeeds.of(dependencies, List.of()).all()) {
            Optional<ExtensionInfo> present = need.output() ? registry.outputInfo(need.name())
                    : registry.moduleInfo(need.name());
            Optional<CatalogEntry> entry = need.output() ? catalog.forOutput(need.name())
                    : catalog.forModule(need.name());
            boolean extension = need.output() || need.name().startsWith("k6/x/")
                    || (present.isEmpty() && entry.isPresent());
            if (!extension) {
                continue; // one of k6's own modules
            }
            String name = need.output() ? UseDirectives.OUTPUT_PREFIX + need.name() : need.name();
            String constraint = need.constraint() == null ? "*" : need.constraint().toString();
            build.put(name, constraint);
            extensions.add(new Extension(name, constraint, present, present.isPresent()
                    && satisfies(need.constraint(), present.get().version()), entry));
        }
        String k6Problem = null;
        ScriptDependencies.Requirement k6 = dependencies.requirements().get(UseDirectives.K6);
        if (k6 != null) {
            build.put(UseDirectives.K6, k6.constraintText());
            if (!satisfies(k6.constraint(), Version.k6Compatibility())) {
                k6Problem = "k6 " + k6.constraintText() + ": this k6j runs scripts written for k6 v"
                        + Version.k6Compatibility();
            }
        }
        extensions.sort(java.util.Comparator.comparing(Extension::name));
        boolean custom = k6Problem != null || extensions.stream().anyMatch(e -> !e.satisfied());
        return new DependencyReport(dependencies, build, List.copyOf(extensions), custom, k6Problem);
    }

    private static boolean satisfies(VersionConstraint constraint, String version) {
        if (constraint == null) {
            return true;
        }
        return SemanticVersion.parse(version).map(v -> constraint.matches(v, true)).orElse(true);
    }

    /** The JSON document: k6's three fields, then {@code extensions} with what this k6j has and would fetch. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("buildDependencies", buildDependencies);
        json.put("imports", dependencies.imports());
        json.put("customBuildRequired", customBuildRequired);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Extension extension : extensions) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", extension.name());
            item.put("constraint", extension.constraint());
            item.put("present", extension.present().isPresent());
            item.put("version", extension.present().map(ExtensionInfo::version).orElse(null));
            item.put("source", extension.present().map(ExtensionInfo::source).orElse(null));
            item.put("satisfied", extension.satisfied());
            item.put("catalog", extension.entry().map(e -> e.coordinates() + " (" + e.source() + ")").orElse(null));
            list.add(item);
        }
        json.put("extensions", list);
        return json;
    }

    /** The human-readable form: k6's sections, then what this k6j has of each extension. */
    public String text() {
        StringBuilder out = new StringBuilder();
        if (buildDependencies.isEmpty()) {
            out.append("Build Dependencies: (none)\n\n");
        } else {
            out.append("Build Dependencies:\n");
            buildDependencies.forEach((name, constraint) -> out.append("  ").append(name).append(": ")
                    .append(constraint).append('\n'));
            out.append('\n');
        }
        if (dependencies.imports().isEmpty()) {
            out.append("Imports: (none)\n\n");
        } else {
            out.append("Imports:\n");
            dependencies.imports().forEach(i -> out.append("  ").append(i).append('\n'));
            out.append('\n');
        }
        out.append("Custom Build Required: ").append(customBuildRequired ? "yes" : "no").append('\n');
        if (!extensions.isEmpty() || k6Problem != null) {
            out.append("\nThis k6j:\n");
            for (Extension extension : extensions) {
                out.append("  ").append(extension.name()).append(' ').append(extension.constraint()).append(": ")
                        .append(describe(extension)).append('\n');
            }
            if (k6Problem != null) {
                out.append("  ").append(k6Problem).append('\n');
            }
        }
        return out.toString();
    }

    private static String describe(Extension extension) {
        String fetch = extension.entry().map(e -> e.coordinates() + " from the " + e.source() + " catalog")
                .orElse(null);
        if (extension.present().isPresent()) {
            ExtensionInfo info = extension.present().get();
            String has = "has " + info.version() + " [" + info.source() + "]";
            return extension.satisfied() ? has : has + ", which does not satisfy it";
        }
        return fetch == null ? "missing, and no catalog offers it (add one with K6J_EXTENSION_CATALOG)"
                : "missing; resolved on demand when the script runs: " + fetch;
    }
}
