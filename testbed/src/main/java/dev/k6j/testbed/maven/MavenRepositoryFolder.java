package dev.k6j.testbed.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A Maven repository in a folder, laid out as a repository manager serves it: {@code group/artifact/version/} with
 * the jar, the pom and their {@code .sha1} and {@code .md5} files, and {@code group/artifact/maven-metadata.xml}
 * listing the versions. Tests publish extensions into it (also damaged ones), then read it from disk as a
 * {@code file:} repository or serve it over HTTP(S) with {@link MavenRepositoryServer}.
 *
 * <pre>{@code
 * MavenRepositoryFolder repo = new MavenRepositoryFolder(dir);
 * repo.publish("com.example", "k6j-greeting", "1.1.0", jarBytes, pomText);
 * }</pre>
 *
 * <p>One thread at a time.
 */
public final class MavenRepositoryFolder {

    private final Path root;

    public MavenRepositoryFolder(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /** {@code file:///…/}: the folder as a repository URL. */
    public String url() {
        return root.toUri().toString();
    }

    /** Publishes a jar and its pom, with checksums, and lists the version in the artifact's metadata. */
    public void publish(String groupId, String artifactId, String version, byte[] jar, String pom) throws IOException {
        Path dir = versionDir(groupId, artifactId, version);
        Files.createDirectories(dir);
        writeWithChecksums(dir.resolve(artifactId + "-" + version + ".jar"), jar);
        writeWithChecksums(dir.resolve(artifactId + "-" + version + ".pom"), pom.getBytes(StandardCharsets.UTF_8));
        writeMetadata(groupId, artifactId);
    }

    /** The published jar of a version. */
    public Path jar(String groupId, String artifactId, String version) {
        return versionDir(groupId, artifactId, version).resolve(artifactId + "-" + version + ".jar");
    }

    /** A pom of a jar artifact with runtime dependencies ({@code group:artifact:version}) and provided ones. */
    public static String pom(String groupId, String artifactId, String version, List<String> dependencies,
            List<String> provided) {
        StringBuilder deps = new StringBuilder();
        for (String dependency : dependencies) {
            deps.append(dependencyXml(dependency, "compile"));
        }
        for (String dependency : provided) {
            deps.append(dependencyXml(dependency, "provided"));
        }
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <dependencies>%s</dependencies>
                </project>
                """.formatted(groupId, artifactId, version, deps);
    }

    private static String dependencyXml(String coordinates, String scope) {
        String[] parts = coordinates.split(":");
        return "<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><scope>%s</scope></dependency>"
                .formatted(parts[0], parts[1], parts[2], scope);
    }

    /**
     * A jar with {@code files} (name to content) and a manifest with {@code attributes}; directories are implied.
     */
    public static byte[] jar(Map<String, byte[]> files, Map<String, String> attributes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> manifest.getMainAttributes().put(new Attributes.Name(k), v));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new JarEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path versionDir(String groupId, String artifactId, String version) {
        return root.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
    }

    private static void writeWithChecksums(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"), hex("SHA-1", content));
        Files.writeString(file.resolveSibling(file.getFileName() + ".md5"), hex("MD5", content));
    }

    private void writeMetadata(String groupId, String artifactId) throws IOException {
        Path artifactDir = root.resolve(groupId.replace('.', '/')).resolve(artifactId);
        TreeSet<String> versions = new TreeSet<>(MavenRepositoryFolder::compareVersions);
        try (Stream<Path> dirs = Files.list(artifactDir)) {
            dirs.filter(Files::isDirectory).forEach(d -> versions.add(d.getFileName().toString()));
        }
        List<String> listed = new ArrayList<>(versions);
        StringBuilder xml = new StringBuilder("<metadata>\n  <groupId>" + groupId + "</groupId>\n  <artifactId>"
                + artifactId + "</artifactId>\n  <versioning>\n    <latest>" + listed.getLast() + "</latest>\n"
                + "    <release>" + listed.getLast() + "</release>\n    <versions>\n");
        for (String v : listed) {
            xml.append("      <version>").append(v).append("</version>\n");
        }
        xml.append("    </versions>\n    <lastUpdated>20250101000000</lastUpdated>\n  </versioning>\n</metadata>\n");
        writeWithChecksums(artifactDir.resolve("maven-metadata.xml"), xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("[.-]");
        String[] right = b.split("[.-]");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = left[i].matches("\\d+") && right[i].matches("\\d+")
                    ? Long.compare(Long.parseLong(left[i]), Long.parseLong(right[i])) : left[i].compareTo(right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
