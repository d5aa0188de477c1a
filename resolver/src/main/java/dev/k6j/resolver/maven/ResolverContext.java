package dev.k6j.resolver.maven;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.util.graph.transformer.ConflictResolver;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Maven Resolver set up as Maven would be (through MIMA): the user's {@code settings.xml} with its mirrors, proxies,
 * credentials and {@code <offline>}, the local repository first, checksums verified (a mismatch fails), plus an
 * optional workspace of local artifacts (a checkout's modules, local projects) that wins over repositories as a Maven
 * reactor does.
 *
 * <p>Not thread-safe; one command uses one context, then closes it.
 */
public final class ResolverContext implements AutoCloseable {

    /**
     * Maven Resolver, MIMA and Apache HttpClient log through SLF4J (to java.util.logging in k6j); their INFO lines
     * (a retried connection, a download) would interleave with a test's output. Held here so that the levels stay.
     */
    private static final Logger[] QUIET = {
        Logger.getLogger("org.eclipse.aether"), Logger.getLogger("eu.maveniverse"), Logger.getLogger("org.apache.maven"),
        Logger.getLogger("org.apache.http"),
    };

    static {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
    }

    private final Context context;
    private final RepositorySystemSession session;
    private final RepositorySystemSession verboseSession;
    private final List<RemoteRepository> repositories;

    /**
     * @param workspace artifacts that win over every repository, or {@code null}
     */
    public ResolverContext(ResolverOptions options, WorkspaceReader workspace) {
        List<RemoteRepository> remotes = new ArrayList<>(ContextOverrides.DEFAULT_REMOTE_REPOSITORIES);
        int n = 1;
        for (String repository : options.repositories()) {
            // id::url (Maven's own notation) lets settings.xml's <server> of that id give the credentials.
            int separator = repository.indexOf("::");
            String id = separator > 0 ? repository.substring(0, separator) : "repo" + n++;
            String url = separator > 0 ? repository.substring(separator + 2) : repository;
            remotes.add(new RemoteRepository.Builder(id, "default", url).build());
        }
        ContextOverrides.Builder overrides = ContextOverrides.create()
                .withUserSettings(true)
                .systemProperties(systemProperties())
                .repositories(remotes)
                // As Maven orders them: the settings' repositories first, then Central, then --repo.
                .addRepositoriesOp(ContextOverrides.AddRepositoriesOp.APPEND)
                .checksumPolicy(ContextOverrides.ChecksumPolicy.FAIL);
        if (options.offline()) {
            overrides.offline(true); // else the settings' <offline> decides
        }
        if (options.settings() != null) {
            overrides.withUserSettingsXmlOverride(options.settings().toAbsolutePath());
        }
        if (options.localRepository() != null) {
            overrides.withLocalRepositoryOverride(options.localRepository().toAbsolutePath());
        }
        this.context = Runtimes.INSTANCE.getRuntime().create(overrides.build());
        DefaultRepositorySystemSession withWorkspace = new DefaultRepositorySystemSession(context.repositorySystemSession());
        if (!options.offline() && settingsSayOffline(context)) {
            withWorkspace.setOffline(true);
        }
        if (workspace != null) {
            withWorkspace.setWorkspaceReader(workspace);
        }
        this.session = withWorkspace;
        DefaultRepositorySystemSession verbose = new DefaultRepositorySystemSession(withWorkspace);
        verbose.setConfigProperty(ConflictResolver.CONFIG_PROP_VERBOSE, true);
        this.verboseSession = verbose;
        this.repositories = context.remoteRepositories();
    }

    /**
     * Whether settings.xml says {@code <offline>true</offline>}: the user's file, else the Maven installation's, as
     * Maven merges them. MIMA reads the settings for mirrors, servers and profiles but leaves {@code <offline>} out of
     * the session and keeps no effective settings to ask, so the element is read here.
     */
    private static boolean settingsSayOffline(Context context) {
        List<Path> files = new ArrayList<>();
        files.add(context.mavenUserHome().settingsXml());
        if (context.mavenSystemHome() != null) {
            files.add(context.mavenSystemHome().settingsXml());
        }
        for (Path file : files) {
            Optional<String> offline = topLevelElement(file, "offline");
            if (offline.isPresent()) {
                return offline.get().strip().equals("true");
            }
        }
        return false;
    }

    /** The text of a child element of a settings file's root, if the file exists, parses and has it. */
    private static Optional<String> topLevelElement(Path file, String name) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && name.equals(element.getLocalName() != null
                        ? element.getLocalName() : element.getTagName())) {
                    return Optional.of(element.getTextContent());
                }
            }
            return Optional.empty();
        } catch (IOException | ParserConfigurationException | SAXException e) {
            return Optional.empty(); // Maven's own reading of the file, just done, reports what is wrong with it
        }
    }

    /** Maven's system properties: the JVM's, and the environment as {@code env.*} (for profile activation). */
    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getenv().forEach((k, v) -> properties.put("env." + k, v));
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return properties;
    }

    public RepositorySystem system() {
        return context.repositorySystem();
    }

    public RepositorySystemSession session() {
        return session;
    }

    /** The session that keeps conflict losers in a collected graph, for reporting them. */
    public RepositorySystemSession verboseSession() {
        return verboseSession;
    }

    /** The remote repositories, mirrors applied, in search order. */
    public List<RemoteRepository> repositories() {
        return repositories;
    }

    /**
     * The remote repositories plus one more (a catalog's), searched first, with the settings' mirrors, proxies and
     * credentials for its id applied as for any other.
     */
    public List<RemoteRepository> repositoriesWith(String id, String url) {
        RemoteRepository extra = new RemoteRepository.Builder(id, "default", url).build();
        List<RemoteRepository> all = new ArrayList<>(system().newResolutionRepositories(session, List.of(extra)));
        for (RemoteRepository repository : repositories) {
            if (all.stream().noneMatch(r -> r.getId().equals(repository.getId()))) {
                all.add(repository);
            }
        }
        return all;
    }

    /** Whether only the local repository is asked (the settings' {@code <offline>} or the options'). */
    public boolean offline() {
        return session.isOffline();
    }

    /** The local repository's folder. */
    public Path localRepository() {
        return session.getLocalRepository().getBasedir().toPath();
    }

    /** "the local repository /…/.m2/repository, central (https://…)", for not-found messages. */
    public String describeWhereSearched() {
        return describeWhereSearched(repositories);
    }

    /** The same for another list of repositories. */
    public String describeWhereSearched(List<RemoteRepository> remotes) {
        String names = remotes.stream().map(r -> r.getId() + " (" + r.getUrl() + ")")
                .collect(Collectors.joining(", "));
        return "the local repository " + localRepository() + (names.isEmpty() || offline() ? "" : ", " + names)
                + (offline() ? " (offline: remote repositories not asked)" : "");
    }

    @Override
    public void close() {
        context.close();
    }
}
