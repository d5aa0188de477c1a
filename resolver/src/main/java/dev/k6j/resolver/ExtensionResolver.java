package dev.k6j.resolver;

import dev.k6j.resolver.ResolutionException.Kind;
import dev.k6j.resolver.catalog.CatalogEntry;
import dev.k6j.resolver.maven.ArtifactChecksums;
import dev.k6j.resolver.maven.RepositoryFailures;
import dev.k6j.resolver.maven.ResolverContext;
import dev.k6j.resolver.maven.ResolverOptions;
import dev.k6j.resolver.maven.SpiRange;
import dev.k6j.resolver.version.SemanticVersion;
import dev.k6j.resolver.version.VersionConstraint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositoryException;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionContext;
import org.eclipse.aether.collection.DependencySelector;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.AndDependencyFilter;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.graph.selector.AndDependencySelector;

/**
 * Resolves a catalog entry to files: picks the newest version that the constraint (k6's grammar) and the catalog
 * allow, fetches its jar and dependencies with Maven Resolver as Maven would (settings.xml, mirrors, credentials,
 * checksums verified), checks what arrived (each file against its checksum files in the local repository, a
 * readable jar, the SPI range, providers listed) and records the answer in the {@link ResolutionCache}, which
 * answers the next run without Maven. Dependencies the engine has itself (the SPI, the engine, GraalJS) are left
 * out.
 *
 * <pre>{@code
 * try (ExtensionResolver resolver = new ExtensionResolver(options, cache, warnings::add)) {
 *     ResolvedExtension greeting = resolver.resolve(entry, VersionConstraint.parse("^1.0"), "0.1.0", "k6/x/greeting");
 * }
 * }</pre>
 *
 * <p>Maven Resolver is started only on a cache miss. Not thread-safe: one command, one thread.
 */
public final class ExtensionResolver implements AutoCloseable {

    private static final DependencyFilter HOST_PROVIDED = (node, parents) -> {
        if (isHostProvided(node.getArtifact())) {
            return false;
        }
        return parents.stream().noneMatch(parent -> isHostProvided(parent.getArtifact()));
    };

    /** How many versions, newest first, may be tried for one built for this SPI. */
    private static final int SPI_ATTEMPTS = 5;

    private final ResolverOptions options;
    private final ResolutionCache cache;
    private final Consumer<String> warnings;
    private final boolean ownsContext;
    private ResolverContext context;

    /**
     * A resolver with its own Maven context, started when first needed.
     *
     * @param cache    the records of earlier resolutions, or {@code null} for none
     * @param warnings where to say that an old record stands in for unreachable repositories
     */
    public ExtensionResolver(ResolverOptions options, ResolutionCache cache, Consumer<String> warnings) {
        this.options = options;
        this.cache = cache;
        this.warnings = warnings;
        this.ownsContext = true;
    }

    /** A resolver on an existing Maven context (the bundler's), with no cache; the context stays open. */
    public ExtensionResolver(ResolverContext context) {
        this.options = null;
        this.cache = null;
        this.warnings = w -> { };
        this.context = context;
        this.ownsContext = false;
    }

    /**
     * Resolves {@code entry}.
     *
     * @param constraint what the script's directive asks for, or {@code null} for any version
     * @param spiVersion this engine's SPI version
     * @param need       how the script or command line named it, to begin messages with ({@code k6/x/greeting},
     *                   {@code --out counter})
     * @throws ResolutionException one line saying what was looked for, where, and what to do
     */
    public ResolvedExtension resolve(CatalogEntry entry, VersionConstraint constraint, String spiVersion, String need) {
        checkSpi(need, entry.coordinates() + " (" + entry.source() + " catalog)", entry.spi(), spiVersion,
                "the catalog says it was built for");
        String key = String.join("|", entry.coordinates(), constraint == null ? "*" : constraint.toString(),
                String.join(",", entry.versions()), entry.repository() == null ? "" : entry.repository().url(),
                spiVersion);
        boolean pinned = (constraint != null && constraint.pinsOneVersion()) || entry.versions().size() == 1;
        if (cache != null) {
            Optional<ResolvedExtension> recorded = cache.find(key, entry, pinned, options.offline(), need);
            if (recorded.isPresent()) {
                return recorded.get();
            }
        }
        ResolvedExtension resolved;
        try {
            resolved = resolveWithMaven(entry, constraint, spiVersion, need);
        } catch (ResolutionException e) {
            if (cache != null && (e.kind() == Kind.UNREACHABLE || e.kind() == Kind.OFFLINE)) {
                Optional<ResolvedExtension> old = cache.find(key, entry, pinned, true, need);
                if (old.isPresent()) {
                    warnings.accept(e.getMessage() + "; using " + old.get().coordinates() + " as resolved before");
                    return old.get();
                }
            }
            throw e;
        }
        if (cache != null) {
            cache.store(key, resolved);
        }
        return resolved;
    }

    /**
     * The version of {@code entry} that {@code constraint} picks: the newest of those the catalog lists or, when it
     * lists none, of those the repositories have. Without a constraint, the newest release (a pre-release or snapshot
     * only when there is no release).
     */
    public String chooseVersion(CatalogEntry entry, VersionConstraint constraint, String need) {
        return candidates(entry, constraint, need, repositoriesFor(entry)).getFirst();
    }

    /**
     * The newest version the constraint allows whose jar was built for this SPI: when the newest one declares
     * another SPI range, the next ones are tried (up to {@value #SPI_ATTEMPTS}), as a package manager skips releases
     * for another engine; when none fits, the newest one's SPI error stands.
     */
    private ResolvedExtension resolveWithMaven(CatalogEntry entry, VersionConstraint constraint, String spiVersion,
            String need) {
        List<RemoteRepository> repositories = repositoriesFor(entry);
        List<String> versions = candidates(entry, constraint, need, repositories);
        ResolutionException newestMismatch = null;
        for (String version : versions.subList(0, Math.min(SPI_ATTEMPTS, versions.size()))) {
            try {
                return resolveVersion(entry, version, spiVersion, need, repositories);
            } catch (ResolutionException e) {
                if (e.kind() != Kind.SPI) {
                    throw e;
                }
                newestMismatch = newestMismatch == null ? e : newestMismatch;
            }
        }
        throw newestMismatch;
    }

    private ResolvedExtension resolveVersion(CatalogEntry entry, String version, String spiVersion, String need,
            List<RemoteRepository> repositories) {
        Artifact artifact = new DefaultArtifact(entry.groupId(), entry.artifactId(), "jar", version);
        String coordinates = entry.coordinates() + ":" + version;
        ArtifactResult root;
        try {
            root = context().system().resolveArtifact(context().session(),
                    new ArtifactRequest(artifact, repositories, null));
        } catch (RepositoryException e) {
            throw failure(need, coordinates, e, repositories);
        }
        Path jar = root.getArtifact().getFile().toPath();
        verify(need, coordinates, jar);
        ExtensionJar contents;
        try {
            contents = ExtensionJar.read(jar);
        } catch (IOException e) {
            throw damaged(need, coordinates, jar, e);
        }
        checkSpi(need, coordinates, contents.spiRequires(), spiVersion, "its manifest says it was built for");
        if (contents.providers().isEmpty()) {
            throw new ResolutionException(Kind.NOT_AN_EXTENSION, need + ": " + coordinates + " (" + jar + ", named by"
                    + " the " + entry.source() + " catalog) is not a k6j extension: its jar lists no provider in"
                    + " META-INF/services/dev.k6j.spi.JsModule or …OutputFactory; check the catalog entry '"
                    + entry.key() + "'");
        }
        List<Path> libraries = new ArrayList<>();
        try {
            CollectRequest collect = new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME), repositories);
            DependencyRequest request = new DependencyRequest(collect, new AndDependencyFilter(
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME), HOST_PROVIDED));
            for (ArtifactResult result : context().system().resolveDependencies(extensionSession(), request)
                    .getArtifactResults()) {
                Path file = result.getArtifact().getFile().toPath();
                if (!file.equals(jar)) {
                    libraries.add(file);
                }
            }
        } catch (RepositoryException e) {
            throw failure(need, "the dependencies of " + coordinates, e, repositories);
        }
        for (Path library : libraries) {
            verify(need, coordinates, library);
        }
        return new ResolvedExtension(entry, version, jar, libraries, origin(root.getRepository()),
                contents.spiRequires(), false);
    }

    /** The versions the constraint allows, newest first; without a constraint, releases (else everything). */
    private List<String> candidates(CatalogEntry entry, VersionConstraint constraint, String need,
            List<RemoteRepository> repositories) {
        List<String> listed = entry.versions().isEmpty() ? listVersions(entry, need, repositories)
                : entry.versions();
        List<SemanticVersion> versions = listed.stream().map(SemanticVersion::parse).flatMap(Optional::stream)
                .sorted(Comparator.reverseOrder()).toList();
        List<SemanticVersion> chosen;
        if (constraint == null) {
            chosen = versions.stream().filter(v -> !v.isPreRelease()).toList();
            if (chosen.isEmpty()) {
                chosen = versions;
            }
        } else {
            chosen = versions.stream().filter(constraint::matches).toList();
        }
        if (chosen.isEmpty()) {
            String from = entry.versions().isEmpty() ? "in " + context().describeWhereSearched(repositories)
                    : "as the " + entry.source() + " catalog lists them";
            throw new ResolutionException(Kind.NOT_FOUND, need + ": no version of " + entry.coordinates()
                    + (constraint == null ? " reads as a version" : " matches \"" + constraint + "\" (Maven "
                    + constraint.toMavenRange() + ")") + "; the versions " + from + ": " + String.join(", ", listed));
        }
        return chosen.stream().map(SemanticVersion::original).toList();
    }

    private List<String> listVersions(CatalogEntry entry, String need, List<RemoteRepository> repositories) {
        VersionRangeRequest request = new VersionRangeRequest(
                new DefaultArtifact(entry.groupId(), entry.artifactId(), "jar", "[0,)"), repositories, null);
        VersionRangeResult result;
        try {
            result = context().system().resolveVersionRange(context().session(), request);
        } catch (RepositoryException e) {
            throw failure(need, entry.coordinates(), e, repositories);
        }
        if (!result.getVersions().isEmpty()) {
            return result.getVersions().stream().map(Object::toString).toList();
        }
        // The local repository always reports its metadata missing; a remote's failure says more.
        List<Exception> remoteFailures = result.getExceptions().stream()
                .filter(e -> RepositoryFailures.kind(e) != RepositoryFailures.Kind.NOT_FOUND
                        && RepositoryFailures.kind(e) != RepositoryFailures.Kind.OFFLINE).toList();
        if (!remoteFailures.isEmpty()) {
            Throwable telling = RepositoryFailures.kind(remoteFailures)
                    .flatMap(k -> RepositoryFailures.first(remoteFailures, k)).orElseThrow();
            throw failure(need, entry.coordinates(), telling, repositories);
        }
        if (context().offline()) {
            throw offline(need, entry.coordinates());
        }
        throw new ResolutionException(Kind.NOT_FOUND, need + ": " + entry.coordinates() + " (named by the "
                + entry.source() + " catalog) was not found in " + context().describeWhereSearched(repositories)
                + "; check the coordinates, or add the repository that has it to ~/.m2/settings.xml or to the catalog"
                + " entry (\"repository\")");
    }

    private void verify(String need, String coordinates, Path file) {
        try {
            Optional<String> mismatch = ArtifactChecksums.mismatch(file);
            if (mismatch.isPresent()) {
                throw new ResolutionException(Kind.CHECKSUM, need + ": " + file + " (for " + coordinates + ") in the"
                        + " local repository no longer matches its checksum: " + mismatch.get() + "; it was changed"
                        + " after download: delete " + file.getParent() + " so that it is downloaded again");
            }
            ExtensionJar.checkReadable(file);
        } catch (IOException e) {
            throw damaged(need, coordinates, file, e);
        }
    }

    private static ResolutionException damaged(String need, String coordinates, Path file, IOException e) {
        return new ResolutionException(Kind.NOT_AN_EXTENSION, need + ": " + file + " (for " + coordinates + ") is not"
                + " a readable jar (" + e.getMessage() + "): delete " + file.getParent() + " so that it is downloaded"
                + " again", e);
    }

    private static void checkSpi(String need, String what, String range, String spiVersion, String says) {
        if (range == null) {
            return;
        }
        boolean fits;
        try {
            fits = SpiRange.contains(range, spiVersion);
        } catch (IllegalArgumentException e) {
            throw new ResolutionException(Kind.SPI, need + ": " + what + " declares the SPI range " + range
                    + ", which is not a version range such as [0.1,0.2)");
        }
        if (!fits) {
            throw new ResolutionException(Kind.SPI, need + ": " + what + " cannot run here: " + says + " the k6j SPI "
                    + range + " but this k6j has SPI " + spiVersion + "; pin a version built for SPI " + spiVersion
                    + " (\"use k6 with " + (need.startsWith("--out ") ? "output/" + need.substring(6) : need)
                    + " <version>\"), or use a k6j whose SPI is in " + range);
        }
    }

    private ResolutionException failure(String need, String what, Throwable e, List<RemoteRepository> repositories) {
        String reason = RepositoryFailures.reason(e);
        return switch (RepositoryFailures.kind(e)) {
            case CHECKSUM -> new ResolutionException(Kind.CHECKSUM, need + ": the download of " + what + " failed its"
                    + " checksum check (" + reason + "): " + (reason.contains("no checksums available")
                    ? "the repository offers no .sha1 for it, and k6j takes nothing it cannot verify (mvn deploy"
                    + " publishes checksums)" : "the repository or a proxy serves a damaged file")
                    + "; nothing of it was kept", e);
            case UNREACHABLE -> new ResolutionException(Kind.UNREACHABLE, need + ": could not reach the Maven"
                    + " repositories for " + what + " (" + reason + "; asked: "
                    + context().describeWhereSearched(repositories) + "); check the network and the proxies in"
                    + " ~/.m2/settings.xml, or run offline with K6J_OFFLINE=true to use the local repository only", e);
            case OFFLINE -> offline(need, what);
            case NOT_FOUND -> new ResolutionException(Kind.NOT_FOUND, need + ": " + what + " was not found in "
                    + context().describeWhereSearched(repositories) + "; check the coordinates, or add the"
                    + " repository that has it to ~/.m2/settings.xml or to the catalog entry", e);
            case OTHER -> new ResolutionException(Kind.OTHER, need + ": could not resolve " + what + ": " + reason
                    + (reason.matches(".*\\b40[13]\\b.*") ? "; check the credentials for that repository (a <server>"
                    + " with its id in ~/.m2/settings.xml)" : ""), e);
        };
    }

    private ResolutionException offline(String need, String what) {
        return new ResolutionException(Kind.OFFLINE, need + ": " + what + " is not in the local repository "
                + context().localRepository() + ", and k6j is offline (K6J_OFFLINE, or <offline> in settings.xml):"
                + " resolve it once online, or install it there (mvn install)");
    }

    private List<RemoteRepository> repositoriesFor(CatalogEntry entry) {
        return entry.repository() == null ? context().repositories()
                : context().repositoriesWith(entry.repository().id(), entry.repository().url());
    }

    private static String origin(ArtifactRepository repository) {
        if (repository instanceof RemoteRepository remote) {
            return remote.getId() + " (" + remote.getUrl() + ")";
        }
        if (repository instanceof LocalRepository local) {
            return "the local repository " + local.getBasedir();
        }
        return "the local repository";
    }

    private static boolean isHostProvided(Artifact artifact) {
        if (artifact == null) {
            return false;
        }
        String group = artifact.getGroupId();
        return group.equals("org.graalvm") || group.startsWith("org.graalvm.")
                || (group.equals("dev.k6j") && (artifact.getArtifactId().equals("k6j-spi")
                || artifact.getArtifactId().equals("k6j-engine")));
    }

    /**
     * The session for an extension's dependencies: what the engine provides (the SPI, the engine, GraalJS) and
     * {@code provided}/{@code test} dependencies are not even collected, so their poms need not be in any repository.
     */
    private RepositorySystemSession extensionSession() {
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession(context().session());
        DependencySelector hostProvided = new DependencySelector() {
            @Override
            public boolean selectDependency(Dependency dependency) {
                String scope = dependency.getScope();
                return !isHostProvided(dependency.getArtifact()) && !JavaScopes.PROVIDED.equals(scope)
                        && !JavaScopes.TEST.equals(scope) && !JavaScopes.SYSTEM.equals(scope);
            }

            @Override
            public DependencySelector deriveChildSelector(DependencyCollectionContext context) {
                return this;
            }
        };
        session.setDependencySelector(new AndDependencySelector(context().session().getDependencySelector(),
                hostProvided));
        return session;
    }

    private ResolverContext context() {
        if (context == null) {
            context = new ResolverContext(options, null);
        }
        return context;
    }

    @Override
    public void close() {
        if (ownsContext && context != null) {
            context.close();
            context = null;
        }
    }
}
