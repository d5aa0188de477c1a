package dev.k6j.resolver.script;

import dev.k6j.resolver.version.VersionConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a script needs, as {@code k6 deps} reports it: every module its files load ({@link #imports()}: the files
 * themselves as URLs, k6's module names, extension names), and the requirements on k6 and on extensions
 * ({@link #requirements()}): each {@code k6/x/…} module imported, and each {@code "use k6 …"} directive with its
 * constraint. Directives of different files that constrain one name differently conflict.
 *
 * <p>Filled by {@link ModuleGraph} on one thread, then only read.
 */
public final class ScriptDependencies {

    /**
     * One requirement.
     *
     * @param name        {@code k6}, {@code k6/x/<name>}, another {@code k6/…} module delivered as an extension, or
     *                    {@code output/<name>}
     * @param constraint  the version constraint of a directive, or {@code null}: any version
     * @param declaredIn  the file whose directive gave the constraint, or {@code null}
     * @param directive   that directive as written, or {@code null}
     * @param importedBy  the files that import it (empty for a name only a directive mentions)
     */
    public record Requirement(String name, VersionConstraint constraint, String declaredIn, String directive,
                              List<String> importedBy) {

        /** {@code *} when any version does, else the constraint as k6 prints it. */
        public String constraintText() {
            return constraint == null ? "*" : constraint.toString();
        }

        /** Whether it names an output ({@code output/<name>}) rather than a module or k6. */
        public boolean isOutput() {
            return name.startsWith(UseDirectives.OUTPUT_PREFIX);
        }

        /** The {@code --out} name of an output requirement. */
        public String outputName() {
            return name.substring(UseDirectives.OUTPUT_PREFIX.length());
        }
    }

    private final Set<String> imports = new TreeSet<>();
    private final Map<String, Requirement> requirements = new TreeMap<>();

    /** Records that {@code importer} loads {@code module} (a URL, or a {@code k6…} name). */
    void addImport(String module, String importer) {
        imports.add(module);
        if (module.startsWith("k6/x/")) {
            require(module, importer);
        }
    }

    /** Records that {@code importer} loads the k6 module {@code name}, which k6j delivers as an extension. */
    public void requireModule(String name, String importer) {
        require(name, importer);
    }

    private void require(String name, String importer) {
        Requirement earlier = requirements.get(name);
        List<String> importers = new ArrayList<>(earlier == null ? List.of() : earlier.importedBy());
        if (importer != null && !importers.contains(importer)) {
            importers.add(importer);
        }
        requirements.put(name, earlier == null ? new Requirement(name, null, null, null, List.copyOf(importers))
                : new Requirement(name, earlier.constraint(), earlier.declaredIn(), earlier.directive(),
                List.copyOf(importers)));
    }

    /**
     * Adds a directive of {@code file}.
     *
     * @throws IllegalArgumentException when another file's directive constrains the same name differently
     */
    void addDirective(UseDirectives.Directive directive, String file) {
        Requirement earlier = requirements.get(directive.name());
        if (earlier != null && earlier.constraint() != null && directive.constraint() != null
                && !earlier.constraint().equals(directive.constraint())) {
            throw new IllegalArgumentException("the directives \"" + earlier.directive() + "\" in "
                    + earlier.declaredIn() + " and \"" + directive.text() + "\" in " + file + " ask for different "
                    + "versions of " + directive.name() + ": keep one constraint for " + directive.name());
        }
        if (earlier != null && earlier.constraint() != null) {
            return; // same constraint again, or a directive without one: the first stays
        }
        List<String> importers = earlier == null ? List.of() : earlier.importedBy();
        requirements.put(directive.name(), directive.constraint() == null
                ? new Requirement(directive.name(), null, null, null, importers)
                : new Requirement(directive.name(), directive.constraint(), file, directive.text(), importers));
    }

    /** Every module the script's files load, the files included, sorted as k6 sorts them. */
    public List<String> imports() {
        return List.copyOf(imports);
    }

    /** The requirements by name, sorted. */
    public Map<String, Requirement> requirements() {
        return Collections.unmodifiableMap(requirements);
    }

    /** The {@code k6…} module names the script loads ({@code k6}, {@code k6/http}, {@code k6/x/faker}, …). */
    public List<String> moduleNames() {
        return imports.stream().filter(i -> i.equals("k6") || i.startsWith("k6/")).toList();
    }
}
