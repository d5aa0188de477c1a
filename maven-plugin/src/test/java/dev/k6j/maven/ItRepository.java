package dev.k6j.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Maven local repository the integration tests build with: the k6j artifacts this build just made, installed
 * into {@code target/it-repo} by copying (as {@code mvn install} lays them out), and every other artifact taken
 * from the build's own local repository ({@code maven.repo.local}, passed in as {@code k6j.it.outerRepository}),
 * which the settings file names as a repository, with Maven Central behind it for what is missing there.
 * So the tests see exactly this build's k6j, and the developer's local repository is never written to.
 */
final class ItRepository {

    private final Path root;
    private final String version;
    private final Path repository;
    private final Path settings;

    private ItRepository(Path root, String version, Path repository, Path settings) {
        this.root = root;
        this.version = version;
        this.repository = repository;
        this.settings = settings;
    }

    /** Stages the k6j artifacts into {@code directory}/repository and writes {@code directory}/settings.xml. */
    static ItRepository prepare(Path directory) throws IOException {
        Path root = Path.of(property("k6j.it.root")).toAbsolutePath().normalize();
        ItRepository it = new ItRepository(root, property("k6j.it.version"), directory.resolve("repository"),
                directory.resolve("settings.xml"));
        it.install("k6j-parent", root.resolve("pom.xml"), null);
        it.install("k6j-spi", root.resolve("spi/pom.xml"), root.resolve("spi/target/k6j-spi-" + it.version + ".jar"));
        it.install("k6j-resolver", root.resolve("resolver/pom.xml"),
                root.resolve("resolver/target/k6j-resolver-" + it.version + ".jar"));
        it.install("k6j-netty-support", root.resolve("netty-support/pom.xml"),
                root.resolve("netty-support/target/k6j-netty-support-" + it.version + ".jar"));
        it.install("k6j-metric-sinks", root.resolve("metric-sinks/pom.xml"),
                root.resolve("metric-sinks/target/k6j-metric-sinks-" + it.version + ".jar"));
        it.install("k6j-engine", root.resolve("engine/pom.xml"), root.resolve("engine/target/k6j-engine.jar"));
        it.install("k6j-output-web-dashboard", root.resolve("outputs/web-dashboard/pom.xml"),
                root.resolve("outputs/web-dashboard/target/k6j-output-web-dashboard.jar"));
        it.install("k6j-junit", root.resolve("junit/pom.xml"),
                root.resolve("junit/target/k6j-junit-" + it.version + ".jar"));
        it.install("k6j-maven-plugin", root.resolve("maven-plugin/pom.xml"), Path.of(property("k6j.it.pluginJar")));
        it.writeSettings(Path.of(property("k6j.it.outerRepository")));
        return it;
    }

    Path root() {
        return root;
    }

    Path repository() {
        return repository;
    }

    Path settings() {
        return settings;
    }

    private void install(String artifactId, Path pom, Path jar) throws IOException {
        Path folder = repository.resolve("dev/k6j").resolve(artifactId).resolve(version);
        Files.createDirectories(folder);
        copy(pom, folder.resolve(artifactId + "-" + version + ".pom"));
        if (jar != null) {
            copy(jar, folder.resolve(artifactId + "-" + version + ".jar"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            throw new IllegalStateException(from + " is missing: build the k6j reactor (mvn verify at the top) before"
                    + " these integration tests");
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private void writeSettings(Path outer) throws IOException {
        String repositoryXml = """
                    <id>k6j-it-outer</id>
                    <url>%s</url>
                    <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                    <snapshots><enabled>false</enabled></snapshots>
                """.formatted(outer.toAbsolutePath().toUri());
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>k6j-it</id>
                      <repositories><repository>
                %s      </repository></repositories>
                      <pluginRepositories><pluginRepository>
                %s      </pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>k6j-it</activeProfile></activeProfiles>
                </settings>
                """.formatted(repositoryXml, repositoryXml));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run these tests through Maven"
                    + " (failsafe passes it, see maven-plugin/pom.xml)");
        }
        return value;
    }
}
