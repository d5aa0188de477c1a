package dev.k6j.bundler.resolve;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * Artifacts that live on this machine outside any repository, offered to Maven Resolver the way Maven offers the
 * projects of a reactor: a k6j checkout's modules ({@link Checkout}), local extension projects and jars. The
 * resolver asks here first, so these win over the local repository.
 *
 * <p>Filled on one thread before resolution starts; read by the resolver afterwards.
 */
public final class LocalArtifacts implements WorkspaceReader {

    private final WorkspaceRepository repository = new WorkspaceRepository("k6j-local");
    private final Map<String, File> files = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    /** Offers {@code file} (a jar, a classes folder or a pom) for {@code group:artifact:extension:version}. */
    public void add(String groupId, String artifactId, String extension, String version, Path file, String origin) {
        String key = key(groupId, artifactId, extension, version);
        files.put(key, file.toFile());
        origins.put(groupId + ":" + artifactId + ":" + version, origin);
    }

    /** Where a local artifact came from ({@code "the checkout /…"}, {@code "the project /…"}), if it is one. */
    public String originOf(String groupId, String artifactId, String version) {
        return origins.get(groupId + ":" + artifactId + ":" + version);
    }

    @Override
    public WorkspaceRepository getRepository() {
        return repository;
    }

    @Override
    public File findArtifact(Artifact artifact) {
        if (!artifact.getClassifier().isEmpty()) {
            return null;
        }
        return files.get(key(artifact.getGroupId(), artifact.getArtifactId(), artifact.getExtension(),
                artifact.getBaseVersion()));
    }

    @Override
    public List<String> findVersions(Artifact artifact) {
        List<String> versions = new ArrayList<>();
        String prefix = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":";
        for (String key : origins.keySet()) {
            if (key.startsWith(prefix)) {
                versions.add(key.substring(prefix.length()));
            }
        }
        return versions;
    }

    private static String key(String groupId, String artifactId, String extension, String version) {
        return groupId + ":" + artifactId + ":" + extension + ":" + version;
    }
}
