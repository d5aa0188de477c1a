package dev.k6j.resolver.script;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a script's module graph before it runs, as k6 does to learn its dependencies: reads the main file, finds
 * what it imports ({@link ImportScanner}) and its {@code "use k6"} directives ({@link UseDirectives}), then does
 * the same for every module file it reaches. Where a module's text comes from is the {@link ModuleReader}'s
 * business: local files by default; a loader that also fetches remote modules or turns TypeScript into
 * JavaScript passes itself as the reader, and everything it can read is scanned the same way.
 *
 * <pre>{@code
 * ScriptDependencies needs = ModuleGraph.walk(script.toUri(), Files.readString(script), ModuleGraph.LOCAL_FILES);
 * }</pre>
 *
 * A module that cannot be read is skipped (running the script reports it properly). Stateless; any thread.
 */
public final class ModuleGraph {

    /** Gives the source text of a module, by its absolute URL; empty when it cannot or will not. */
    @FunctionalInterface
    public interface ModuleReader {
        Optional<String> read(URI module);
    }

    /** Reads {@code file:} modules from disk, and nothing else. */
    public static final ModuleReader LOCAL_FILES = module -> {
        if (!"file".equals(module.getScheme())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(Path.of(module), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    };

    /** More modules than any real test has: the walk stops there rather than run away. */
    private static final int MAX_MODULES = 10_000;

    private ModuleGraph() {
    }

    /**
     * The dependencies of the script at {@code main} (a {@code file:} URL, or any URL the reader understands)
     * whose text is {@code source}.
     *
     * @throws IllegalArgumentException a directive that does not parse, or directives that conflict
     */
    public static ScriptDependencies walk(URI main, CharSequence source, ModuleReader reader) {
        ScriptDependencies dependencies = new ScriptDependencies();
        Deque<Module> pending = new ArrayDeque<>();
        Set<URI> seen = new HashSet<>();
        seen.add(main);
        pending.add(new Module(main, source));
        while (!pending.isEmpty() && seen.size() <= MAX_MODULES) {
            Module module = pending.poll();
            String where = display(module.location());
            dependencies.addImport(module.location().toString(), null);
            for (UseDirectives.Directive directive : UseDirectives.find(module.source(), where)) {
                dependencies.addDirective(directive, where);
            }
            for (ImportScanner.Import found : ImportScanner.scan(module.source())) {
                String specifier = found.specifier();
                if (specifier.equals("k6") || specifier.startsWith("k6/")) {
                    dependencies.addImport(specifier, where);
                    continue;
                }
                Optional<URI> target = resolve(module.location(), specifier);
                if (target.isEmpty() || !seen.add(target.get())) {
                    continue;
                }
                reader.read(target.get()).ifPresent(text -> pending.add(new Module(target.get(), text)));
            }
        }
        return dependencies;
    }

    /** {@code ./lib.js} against its importer, an absolute path, or a URL; empty for a bare name k6 cannot load. */
    static Optional<URI> resolve(URI base, String specifier) {
        try {
            if (specifier.matches("[A-Za-z][A-Za-z0-9+.-]*:.*") && !specifier.matches("[A-Za-z]:[\\\\/].*")) {
                return Optional.of(new URI(specifier).normalize());
            }
            if (!specifier.startsWith("./") && !specifier.startsWith("../") && !specifier.startsWith("/")) {
                return Optional.empty();
            }
            if ("file".equals(base.getScheme())) {
                Path from = Path.of(base).getParent();
                Path target = specifier.startsWith("/") ? Path.of(specifier) : from.resolve(specifier);
                return Optional.of(target.normalize().toUri());
            }
            return Optional.of(base.resolve(new URI(null, null, specifier, null)).normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A file as a path, anything else as its URL: how messages name a module. */
    private static String display(URI location) {
        if ("file".equals(location.getScheme())) {
            try {
                return Path.of(location).toString();
            } catch (IllegalArgumentException e) {
                return location.toString();
            }
        }
        return location.toString();
    }

    private record Module(URI location, CharSequence source) {
    }
}
