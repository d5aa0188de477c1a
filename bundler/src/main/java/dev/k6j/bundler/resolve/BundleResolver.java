package dev.k6j.bundler.resolve;

import dev.k6j.resolver.maven.ResolverContext;
import dev.k6j.bundler.BundlerException;
import dev.k6j.bundler.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.aether.RepositoryException;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.graph.transformer.ConflictResolver;
import org.eclipse.aether.version.Version;

/**
 * Turns the engine version, the {@code --with} extensions and the {@code --replace} rules into files: one
 * dependency graph with the engine and every extension as roots (so Maven's conflict rules apply across all of
 * them, the engine first), conflicts reported, plus the Graal JIT compiler of the engine's GraalJS version.
 *
 * <p>Not thread-safe: one resolution per instance.
 */
public final class BundleResolver {

    static final String ENGINE_ROOT = "engine";
    private static final String ENGINE_ARTIFACT = "k6j-engine";
    private static final String SPI_ARTIFACT = "k6j-spi";
    private static final Set<String> RUNTIME_SCOPES = Set.of(JavaScopes.COMPILE, JavaScopes.RUNTIME, "");

    private final ResolverContext resolver;
    private final LocalArtifacts local;
    private final MavenRunner maven;
    private final Path scratch;

    /**
     * @param scratch a temporary folder for files the resolution makes (poms taken out of jars)
     */
    public BundleResolver(ResolverContext resolver, LocalArtifacts local, MavenRunner maven, Path scratch) {
        this.resolver = resolver;
        this.local = local;
        this.maven = maven;
        this.scratch = scratch;
    }

    /** A root of the graph: an artifact to resolve with its dependencies, or a bare jar taken as it is. */
    private record Root(String label, Artifact artifact, Path bareJar) {
    }

    /** Resolves everything; problems are {@link BundlerException}s that say what was looked for and where. */
    public Resolution resolve(String engineVersion, List<ExtensionRequest> extensions, List<Replacement> replacements) {
        Artifact engine = new DefaultArtifact(Catalog.GROUP, ENGINE_ARTIFACT, "jar", engineVersion);
        requireExists(engine, () -> "the engine " + coordinates(engine) + " was not found in "
                + resolver.describeWhereSearched() + ". Run 'mvn install' in a k6j checkout (or run the bundler"
                + " from one), or give --engine-version of a released engine");
        List<Root> roots = new ArrayList<>();
        roots.add(new Root(ENGINE_ROOT, engine, null));
        for (ExtensionRequest request : extensions) {
            roots.add(root(request, request.text(), engineVersion));
        }
        List<Dependency> managed = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        for (Replacement replacement : replacements) {
            Root replacing = root(replacement.with(), "--replace " + replacement.key(), engineVersion);
            boolean sameArtifact = replacing.artifact() != null
                    && (replacing.artifact().getGroupId() + ":" + replacing.artifact().getArtifactId())
                    .equals(replacement.key());
            if (sameArtifact) {
                managed.add(new Dependency(replacing.artifact(), JavaScopes.RUNTIME));
            } else {
                exclusions.add(new Exclusion(replacement.groupId(), replacement.artifactId(), "*", "*"));
                roots.add(replacing);
            }
        }
        return resolveGraph(roots, managed, exclusions);
    }

    private Root root(ExtensionRequest request, String label, String engineVersion) {
        return switch (request) {
            case ExtensionRequest.ShortName shortName -> {
                Artifact artifact = new DefaultArtifact(shortName.entry().coordinates(engineVersion));
                requireExists(artifact, () -> "the '" + shortName.entry().shortName() + "' extension ("
                        + coordinates(artifact) + ") is not published yet: it was not found in "
                        + resolver.describeWhereSearched() + ". k6j's own extensions are released with the engine;"
                        + " build it in a k6j checkout that has it (mvn install), or bundle it by path");
                yield new Root(label, artifact, null);
            }
            case ExtensionRequest.Coordinates c -> {
                String version = c.version() != null ? c.version() : latestRelease(c.groupId(), c.artifactId());
                Artifact artifact = new DefaultArtifact(c.groupId(), c.artifactId(), "jar", version);
                requireExists(artifact, () -> coordinates(artifact) + " was not found in "
                        + resolver.describeWhereSearched() + "; check the coordinates, or add its repository with"
                        + " --repo URL (or in ~/.m2/settings.xml)");
                yield new Root(label, artifact, null);
            }
            case ExtensionRequest.LocalProject project -> {
                LocalExtension built = LocalExtension.buildProject(project.folder(), maven, local);
                yield new Root(label, new DefaultArtifact(built.coordinates()), null);
            }
            case ExtensionRequest.LocalJar jar -> {
                LocalExtension found = LocalExtension.ofJar(jar.jar(), local, scratch);
                yield found.coordinates() == null ? new Root(label, null, jar.jar())
                        : new Root(label, new DefaultArtifact(found.coordinates()), null);
            }
        };
    }

    private Resolution resolveGraph(List<Root> roots, List<Dependency> managed, List<Exclusion> exclusions) {
        CollectRequest collect = new CollectRequest();
        collect.setRepositories(resolver.repositories());
        collect.setManagedDependencies(managed);
        Map<Dependency, String> labels = new IdentityHashMap<>();
        for (Root root : roots) {
            if (root.artifact() != null) {
                Dependency dependency = new Dependency(root.artifact(), JavaScopes.RUNTIME, false, exclusions);
                collect.addDependency(dependency);
                labels.put(dependency, root.label());
            }
        }
        DependencyNode graph;
        try {
            graph = resolver.system().collectDependencies(resolver.verboseSession(), collect).getRoot();
        } catch (RepositoryException e) {
            throw new BundlerException("could not resolve the dependencies: " + e.getMessage(), e);
        }
        GraphWalk walk = new GraphWalk();
        List<DependencyNode> children = graph.getChildren();
        for (DependencyNode child : children) {
            walk.paths(child, "", labelOf(child, roots));
        }
        for (DependencyNode child : children) {
            walk.collect(child, labelOf(child, roots));
        }
        List<ResolvedArtifact> artifacts = resolveFiles(walk.nodes);
        List<ResolvedArtifact> ordered = new ArrayList<>();
        List<ResolvedArtifact> extensionArtifacts = new ArrayList<>();
        for (Root root : roots) {
            if (root.bareJar() != null) {
                ResolvedArtifact bare = new ResolvedArtifact("", root.bareJar().getFileName().toString(), "",
                        root.bareJar(), root.label());
                ordered.add(bare);
                extensionArtifacts.add(bare);
                continue;
            }
            for (ResolvedArtifact artifact : artifacts) {
                if (artifact.root().equals(root.label())) {
                    ordered.add(artifact);
                    if (!root.label().equals(ENGINE_ROOT) && !root.label().startsWith("--replace")
                            && artifact.key().equals(root.artifact().getGroupId() + ":" + root.artifact().getArtifactId())) {
                        extensionArtifacts.add(artifact);
                    }
                }
            }
        }
        ResolvedArtifact engine = ordered.stream().filter(a -> a.key().equals(Catalog.GROUP + ":" + ENGINE_ARTIFACT))
                .findFirst().orElseThrow();
        String graal = ordered.stream().filter(a -> a.key().equals("org.graalvm.polyglot:polyglot"))
                .map(ResolvedArtifact::version).findFirst()
                .orElseThrow(() -> new BundlerException("the engine " + engine.coordinates()
                        + " brought no GraalJS (org.graalvm.polyglot:polyglot)"));
        String spi = ordered.stream().filter(a -> a.key().equals(Catalog.GROUP + ":" + SPI_ARTIFACT))
                .map(ResolvedArtifact::version).findFirst().orElse(engine.version());
        String engineFrom = local.originOf(engine.groupId(), engine.artifactId(), engine.version());
        List<Path> compiler = new ArrayList<>();
        String compilerProblem = resolveCompiler(graal, compiler);
        return new Resolution(engine, engineFrom == null ? "a repository" : engineFrom, ordered, extensionArtifacts,
                walk.conflicts, graal, compiler, compilerProblem, spi);
    }

    private static String labelOf(DependencyNode child, List<Root> roots) {
        Artifact a = child.getArtifact();
        for (Root root : roots) {
            if (root.artifact() != null && root.artifact().getGroupId().equals(a.getGroupId())
                    && root.artifact().getArtifactId().equals(a.getArtifactId())) {
                return root.label();
            }
        }
        return ENGINE_ROOT;
    }

    /**
     * The graph's winners in preorder, each with its root, and the conflicts Maven settled between roots (those
     * inside one root's tree were settled by that artifact's own build already).
     */
    private static final class GraphWalk {
        final Map<DependencyNode, String> pathOf = new IdentityHashMap<>();
        final Map<DependencyNode, String> rootOf = new IdentityHashMap<>();
        final Map<String, Map.Entry<DependencyNode, String>> nodes = new LinkedHashMap<>();
        final List<Conflict> conflicts = new ArrayList<>();

        void paths(DependencyNode node, String parentPath, String label) {
            String path = (parentPath.isEmpty() ? "" : parentPath + " > ") + node.getArtifact().getArtifactId()
                    + ":" + node.getArtifact().getVersion();
            pathOf.put(node, path);
            rootOf.put(node, label);
            for (DependencyNode child : node.getChildren()) {
                paths(child, path, label);
            }
        }

        void collect(DependencyNode node, String label) {
            DependencyNode winner = (DependencyNode) node.getData().get(ConflictResolver.NODE_DATA_WINNER);
            Artifact artifact = node.getArtifact();
            if (winner != null) {
                String wanted = artifact.getVersion();
                String used = winner.getArtifact().getVersion();
                if (!wanted.equals(used) && !label.equals(rootOf.get(winner))) {
                    conflicts.add(new Conflict(artifact.getGroupId() + ":" + artifact.getArtifactId(), used,
                            pathOf.getOrDefault(winner, "?"), wanted, pathOf.getOrDefault(node, "?")));
                }
                return;
            }
            String scope = node.getDependency() == null ? "" : node.getDependency().getScope();
            if (!RUNTIME_SCOPES.contains(scope)) {
                return;
            }
            String key = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getExtension()
                    + ":" + artifact.getClassifier();
            if (!artifact.getExtension().equals("pom")) {
                nodes.putIfAbsent(key, Map.entry(node, label));
            }
            for (DependencyNode child : node.getChildren()) {
                collect(child, label);
            }
        }
    }

    private List<ResolvedArtifact> resolveFiles(Map<String, Map.Entry<DependencyNode, String>> nodes) {
        List<ArtifactRequest> requests = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Map.Entry<DependencyNode, String> entry : nodes.values()) {
            DependencyNode node = entry.getKey();
            requests.add(new ArtifactRequest(node.getArtifact(), node.getRepositories(), null));
            labels.add(entry.getValue());
        }
        List<ArtifactResult> results;
        try {
            results = resolver.system().resolveArtifacts(resolver.session(), requests);
        } catch (ArtifactResolutionException e) {
            String missing = e.getResults().stream().filter(r -> !r.isResolved())
                    .map(r -> coordinates(r.getRequest().getArtifact())).collect(Collectors.joining(", "));
            checksumFailure(missing, e).ifPresent(failure -> {
                throw failure;
            });
            throw new BundlerException("could not download " + missing + " from " + resolver.describeWhereSearched()
                    + ": " + e.getMessage(), e);
        }
        List<ResolvedArtifact> resolved = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Artifact a = results.get(i).getArtifact();
            resolved.add(new ResolvedArtifact(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(),
                    a.getFile().toPath(), labels.get(i)));
        }
        return resolved;
    }

    /** Fills {@code into} with the Graal compiler jars; returns why it could not, or {@code null}. */
    private String resolveCompiler(String graalVersion, List<Path> into) {
        CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact("org.graalvm.compiler",
                "compiler", "jar", graalVersion), JavaScopes.RUNTIME), resolver.repositories());
        try {
            resolver.system().resolveDependencies(resolver.session(), new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME))).getArtifactResults()
                    .forEach(r -> into.add(r.getArtifact().getFile().toPath()));
            return null;
        } catch (RepositoryException e) {
            into.clear();
            return "the Graal compiler " + graalVersion + " could not be resolved (" + e.getMessage()
                    + "); the bundle runs JavaScript in the interpreter";
        }
    }

    private String latestRelease(String groupId, String artifactId) {
        VersionRangeRequest request = new VersionRangeRequest(
                new DefaultArtifact(groupId, artifactId, "jar", "[0,)"), resolver.repositories(), null);
        try {
            VersionRangeResult result = resolver.system().resolveVersionRange(resolver.session(), request);
            List<Version> releases = result.getVersions().stream()
                    .filter(v -> !v.toString().endsWith("SNAPSHOT")).toList();
            if (releases.isEmpty()) {
                throw new BundlerException(groupId + ":" + artifactId + " has no release in "
                        + resolver.describeWhereSearched() + "; give a version: " + groupId + ":" + artifactId
                        + ":<version>");
            }
            return releases.getLast().toString();
        } catch (RepositoryException e) {
            throw new BundlerException("could not find the versions of " + groupId + ":" + artifactId + ": "
                    + e.getMessage(), e);
        }
    }

    private void requireExists(Artifact artifact, java.util.function.Supplier<String> message) {
        try {
            resolver.system().resolveArtifact(resolver.session(),
                    new ArtifactRequest(artifact, resolver.repositories(), null));
        } catch (ArtifactResolutionException e) {
            throw checksumFailure(coordinates(artifact), e).orElseGet(() -> new BundlerException(message.get(), e));
        }
    }

    /** A download whose checksum did not match is not "not found": say what it is. */
    private static java.util.Optional<BundlerException> checksumFailure(String what, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ChecksumFailureException checksum) {
                return java.util.Optional.of(new BundlerException("the download of " + what + " failed its checksum"
                        + " check (" + checksum.getMessage() + "): the repository or a proxy serves a damaged file", e));
            }
        }
        return java.util.Optional.empty();
    }

    private static String coordinates(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
    }
}
