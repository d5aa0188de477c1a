package dev.k6j.bundler.resolve;

import dev.k6j.bundler.BundlerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * An extension given by path: a Maven project folder (built here with {@code mvn package}) or a jar. Either way,
 * when its pom is known (the project's, or the one Maven embeds in every jar it builds) the extension is offered to
 * the resolver under its coordinates, so its dependencies are resolved like any other's; a jar without an embedded
 * pom is taken as it is, with no dependencies.
 *
 * @param coordinates {@code group:artifact:version}, or {@code null} for a bare jar
 * @param jar         the built jar
 */
public record LocalExtension(String coordinates, Path jar) {

    /** Builds the project in {@code dir} (tests skipped) and offers it and its local parents to the resolver. */
    public static LocalExtension buildProject(Path dir, MavenRunner maven, LocalArtifacts artifacts) {
        Path pomPath = dir.resolve("pom.xml");
        PomFile pom = PomFile.read(pomPath);
        maven.run(dir, List.of("package", "-DskipTests"));
        Path jar = builtJar(dir.resolve("target"), pom).orElseThrow(() -> new BundlerException(
                "'mvn package' in " + dir + " made no jar of " + pom.coordinates() + " in " + dir.resolve("target")));
        String origin = "the project " + dir.toAbsolutePath().normalize();
        artifacts.add(pom.groupId(), pom.artifactId(), "jar", pom.version(), jar, origin);
        artifacts.add(pom.groupId(), pom.artifactId(), "pom", pom.version(), pom.file(), origin);
        registerParents(pom, artifacts, origin);
        return new LocalExtension(pom.coordinates(), jar);
    }

    /** A jar given by path: offered under the coordinates of its embedded pom, if it has exactly one. */
    public static LocalExtension ofJar(Path jar, LocalArtifacts artifacts, Path scratch) {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> poms = file.stream()
                    .filter(e -> e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.xml"))
                    .toList();
            if (poms.size() != 1) {
                return new LocalExtension(null, jar);
            }
            Path pomCopy = Files.createTempFile(scratch, "embedded-", ".pom");
            try (InputStream in = file.getInputStream(poms.getFirst())) {
                Files.copy(in, pomCopy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            JarEntry propertiesEntry = file.getJarEntry(poms.getFirst().getName().replace("pom.xml", "pom.properties"));
            Properties properties = new Properties();
            if (propertiesEntry != null) {
                try (InputStream in = file.getInputStream(propertiesEntry)) {
                    properties.load(in);
                }
            }
            PomFile pom = PomFile.read(pomCopy);
            String groupId = properties.getProperty("groupId", pom.groupId());
            String artifactId = properties.getProperty("artifactId", pom.artifactId());
            String version = properties.getProperty("version", pom.version());
            String origin = "the jar " + jar.toAbsolutePath().normalize();
            artifacts.add(groupId, artifactId, "jar", version, jar, origin);
            artifacts.add(groupId, artifactId, "pom", version, pomCopy, origin);
            return new LocalExtension(groupId + ":" + artifactId + ":" + version, jar);
        } catch (IOException e) {
            throw new BundlerException("cannot read the jar " + jar + ": " + e.getMessage(), e);
        }
    }

    private static void registerParents(PomFile pom, LocalArtifacts artifacts, String origin) {
        PomFile child = pom;
        while (child.parent() != null && child.parentPath() != null && Files.isRegularFile(child.parentPath())) {
            PomFile parent = PomFile.read(child.parentPath());
            if (!parent.coordinates().equals(child.parent())) {
                return; // the pom on disk is another project's: the parent comes from a repository
            }
            artifacts.add(parent.groupId(), parent.artifactId(), "pom", parent.version(), parent.file(), origin);
            child = parent;
        }
    }

    private static boolean isMainJar(String name) {
        return name.endsWith(".jar") && !name.startsWith("original-") && !name.endsWith("-sources.jar")
                && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar");
    }

    /** The jar in {@code target} that Maven built for {@code pom} (it embeds that pom's properties). */
    private static Optional<Path> builtJar(Path target, PomFile pom) {
        String marker = "META-INF/maven/" + pom.groupId() + "/" + pom.artifactId() + "/pom.properties";
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.list(target)) {
            String usual = pom.artifactId() + "-" + pom.version() + ".jar";
            files.filter(f -> isMainJar(f.getFileName().toString()))
                    .sorted(java.util.Comparator.comparing((Path f) -> !f.getFileName().toString().equals(usual))
                            .thenComparing(Path::toString))
                    .forEach(candidates::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (Path candidate : candidates) {
            try (JarFile jar = new JarFile(candidate.toFile())) {
                if (jar.getEntry(marker) != null) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // not a readable jar: try the next one
            }
        }
        return Optional.empty();
    }
}
