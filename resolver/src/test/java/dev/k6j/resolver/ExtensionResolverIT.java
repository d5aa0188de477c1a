package dev.k6j.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.resolver.ResolutionException.Kind;
import dev.k6j.resolver.catalog.CatalogEntry;
import dev.k6j.resolver.maven.ResolverOptions;
import dev.k6j.resolver.version.VersionConstraint;
import dev.k6j.testbed.TestCertificates;
import dev.k6j.testbed.maven.MavenRepositoryFolder;
import dev.k6j.testbed.maven.MavenRepositoryServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolution of catalog entries against real Maven repositories: a folder read as a {@code file:} repository, and
 * the same folder served over HTTP with credentials by the testbed. Every failure a user can meet gets its one line.
 */
class ExtensionResolverIT {

    static final String SPI = "0.1.0";
    @TempDir
    static Path shared;
    static MavenRepositoryFolder remote;

    @TempDir
    Path dir;
    Path local;
    Path settings;
    final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void publish() throws IOException {
        remote = new MavenRepositoryFolder(shared.resolve("remote"));
        byte[] lib = MavenRepositoryFolder.jar(Map.of("com/acme/lib/Lib.txt", "lib".getBytes()), Map.of());
        remote.publish("com.acme", "hello-lib", "1.0.0", lib, MavenRepositoryFolder.pom("com.acme", "hello-lib",
                "1.0.0", List.of(), List.of()));
        for (String version : List.of("1.0.0", "1.1.0")) {
            remote.publish("com.acme", "k6j-hello", version, extensionJar("[0.1,0.2)", version),
                    MavenRepositoryFolder.pom("com.acme", "k6j-hello", version, List.of("com.acme:hello-lib:1.0.0"),
                            List.of("dev.k6j:k6j-spi:0.1.0", "org.graalvm.polyglot:polyglot:25.0.3")));
        }
        // A newer release for another SPI: resolution skips it for the newest that fits.
        remote.publish("com.acme", "k6j-hello", "2.0.0", extensionJar("[0.2,0.3)", "2.0.0"),
                MavenRepositoryFolder.pom("com.acme", "k6j-hello", "2.0.0", List.of(), List.of()));
        remote.publish("com.acme", "k6j-future", "1.0.0", extensionJar("[0.2,0.3)", "1.0.0"),
                MavenRepositoryFolder.pom("com.acme", "k6j-future", "1.0.0", List.of(), List.of()));
        remote.publish("com.acme", "plain-lib", "1.0.0", lib,
                MavenRepositoryFolder.pom("com.acme", "plain-lib", "1.0.0", List.of(), List.of()));
    }

    static byte[] extensionJar(String spi, String version) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("META-INF/services/dev.k6j.spi.JsModule", "com.acme.hello.HelloModule\n".getBytes());
        return MavenRepositoryFolder.jar(files, Map.of("K6j-Spi-Requires", spi, "Implementation-Version", version));
    }

    @BeforeEach
    void repositories() throws IOException {
        local = dir.resolve("local");
        settings = settings(remote.url(), null);
    }

    /** Settings whose mirror sends every request to {@code url}, so nothing reaches Maven Central. */
    private Path settings(String url, String credentials) throws IOException {
        String servers = credentials == null ? "" : "<servers><server><id>testbed</id><username>deployer</username>"
                + "<password>" + credentials + "</password></server></servers>";
        return Files.writeString(dir.resolve("settings-" + Math.abs(url.hashCode()) + ".xml"), """
                <settings>
                  %s
                  <mirrors><mirror><id>testbed</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors>
                </settings>
                """.formatted(servers, url));
    }

    private ExtensionResolver resolver(boolean offline, ResolutionCache cache) {
        return new ExtensionResolver(new ResolverOptions(settings, local, List.of(), offline), cache, warnings::add);
    }

    private static CatalogEntry entry(String artifactId, List<String> versions, String spi) {
        return new CatalogEntry("k6/x/hello", "com.acme:" + artifactId, "", List.of("k6/x/hello"), List.of(),
                versions, "com.acme", artifactId, spi, "", null, "test");
    }

    private ResolvedExtension resolve(String artifactId, String constraint) {
        try (ExtensionResolver resolver = resolver(false, null)) {
            return resolver.resolve(entry(artifactId, List.of(), null),
                    constraint == null ? null : VersionConstraint.parse(constraint), SPI, "k6/x/hello");
        }
    }

    @Test
    void anEmptyLocalRepositoryGetsTheNewestVersionForThisSpiWithItsLibrariesButNotWhatTheEngineHas() {
        ResolvedExtension hello = resolve("k6j-hello", null);

        assertThat(hello.version()).isEqualTo("1.1.0");
        assertThat(hello.jar()).isEqualTo(local.resolve("com/acme/k6j-hello/1.1.0/k6j-hello-1.1.0.jar"));
        assertThat(hello.libraries()).containsExactly(local.resolve("com/acme/hello-lib/1.0.0/hello-lib-1.0.0.jar"));
        assertThat(hello.origin()).isEqualTo("testbed (" + remote.url() + ")");
        assertThat(hello.spiRequires()).isEqualTo("[0.1,0.2)");
        assertThat(hello.cached()).isFalse();
    }

    @Test
    void aConstraintPicksTheNewestVersionItAllows() {
        assertThat(resolve("k6j-hello", "< 1.1").version()).isEqualTo("1.0.0");
        assertThat(resolve("k6j-hello", "^1.0").version()).isEqualTo("1.1.0");
        assertThat(resolve("k6j-hello", "~1.0.0").version()).isEqualTo("1.0.0");
    }

    @Test
    void aCatalogsVersionListIsAllThatMayBeChosen() {
        try (ExtensionResolver resolver = resolver(false, null)) {
            assertThat(resolver.resolve(entry("k6j-hello", List.of("1.0.0"), null), null, SPI, "k6/x/hello").version())
                    .isEqualTo("1.0.0");
        }
    }

    @Test
    void theSecondResolutionIsAnsweredByTheCacheWithoutAskingMaven() throws IOException {
        ResolutionCache cache = new ResolutionCache(dir.resolve("cache"), Clock.systemUTC());
        ResolvedExtension first;
        try (ExtensionResolver resolver = resolver(false, cache)) {
            first = resolver.resolve(entry("k6j-hello", List.of(), null), null, SPI, "k6/x/hello");
        }
        settings = settings("http://127.0.0.1:" + closedPort() + "/nothing/", null); // Maven would fail now

        ResolvedExtension second;
        try (ExtensionResolver resolver = resolver(false, cache)) {
            second = resolver.resolve(entry("k6j-hello", List.of(), null), null, SPI, "k6/x/hello");
        }

        assertThat(second.cached()).isTrue();
        assertThat(second.files()).isEqualTo(first.files());
        assertThat(second.origin()).isEqualTo(first.origin());
    }

    @Test
    void aDownloadedJarChangedInTheLocalRepositoryIsRefused() throws IOException {
        ResolutionCache cache = new ResolutionCache(dir.resolve("cache"), Clock.systemUTC());
        ResolvedExtension first;
        try (ExtensionResolver resolver = resolver(false, cache)) {
            first = resolver.resolve(entry("k6j-hello", List.of(), null), null, SPI, "k6/x/hello");
        }
        Files.write(first.jar(), "tampered".getBytes(), java.nio.file.StandardOpenOption.APPEND);

        try (ExtensionResolver resolver = resolver(false, cache)) {
            assertThatThrownBy(() -> resolver.resolve(entry("k6j-hello", List.of(), null), null, SPI, "k6/x/hello"))
                    .isInstanceOf(ResolutionException.class)
                    .hasMessageStartingWith("k6/x/hello: " + first.jar() + " in the local repository changed after"
                            + " k6j downloaded and checked it")
                    .hasMessageContaining("delete " + first.jar().getParent())
                    .extracting(e -> ((ResolutionException) e).kind()).isEqualTo(Kind.CHECKSUM);
        }
    }

    @Test
    void aLocalJarThatNoLongerMatchesItsSha1FileIsRefused() throws IOException {
        ResolvedExtension first = resolve("k6j-hello", "1.0.0");
        Path sha1 = first.jar().resolveSibling(first.jar().getFileName() + ".sha1");
        Files.copy(remote.jar("com.acme", "k6j-hello", "1.0.0").resolveSibling("k6j-hello-1.0.0.jar.sha1"), sha1,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING); // as Maven 3.8 leaves it
        Files.write(first.jar(), "tampered".getBytes(), java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> resolve("k6j-hello", "1.0.0"))
                .hasMessageContaining("in the local repository no longer matches its checksum: its SHA-1 is")
                .hasMessageContaining("k6j-hello-1.0.0.jar.sha1 says");
    }

    @Test
    void aDamagedDownloadFailsItsChecksumAndLeavesNothingBehind() throws IOException {
        MavenRepositoryFolder damaged = new MavenRepositoryFolder(dir.resolve("damaged"));
        damaged.publish("com.acme", "k6j-hello", "1.0.0", extensionJar("[0.1,0.2)", "1.0.0"),
                MavenRepositoryFolder.pom("com.acme", "k6j-hello", "1.0.0", List.of(), List.of()));
        Files.write(damaged.jar("com.acme", "k6j-hello", "1.0.0"), "garbage".getBytes(),
                java.nio.file.StandardOpenOption.APPEND);
        settings = settings(damaged.url(), null);

        assertThatThrownBy(() -> resolve("k6j-hello", null))
                .isInstanceOf(ResolutionException.class)
                .hasMessageStartingWith("k6/x/hello: the download of com.acme:k6j-hello:1.0.0 failed its checksum check")
                .hasMessageContaining("nothing of it was kept");
        try (Stream<Path> files = Files.walk(local)) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".jar") || f.contains(".part")
                    || f.contains(".tmp"));
        }
    }

    @Test
    void anExtensionForAnotherSpiIsRefusedBeforeOrAfterDownload() {
        assertThatThrownBy(() -> {
            try (ExtensionResolver resolver = resolver(false, null)) {
                resolver.resolve(entry("k6j-hello", List.of(), "[0.2,0.3)"), null, SPI, "k6/x/hello");
            }
        }).hasMessage("k6/x/hello: com.acme:k6j-hello (test catalog) cannot run here: the catalog says it was built for"
                + " the k6j SPI [0.2,0.3) but this k6j has SPI 0.1.0; pin a version built for SPI 0.1.0 (\"use k6 with"
                + " k6/x/hello <version>\"), or use a k6j whose SPI is in [0.2,0.3)");
        assertThat(local).doesNotExist();

        assertThatThrownBy(() -> resolve("k6j-future", null))
                .hasMessageStartingWith("k6/x/hello: com.acme:k6j-future:1.0.0 cannot run here: its manifest says it"
                        + " was built for the k6j SPI [0.2,0.3) but this k6j has SPI 0.1.0");
    }

    @Test
    void whatIsNotThereSaysWhereItLooked() {
        assertThatThrownBy(() -> resolve("k6j-nowhere", null))
                .hasMessage("k6/x/hello: com.acme:k6j-nowhere (named by the test catalog) was not found in the local"
                        + " repository " + local + ", testbed (" + remote.url() + "); check the coordinates, or add the"
                        + " repository that has it to ~/.m2/settings.xml or to the catalog entry (\"repository\")");
        assertThatThrownBy(() -> resolve("k6j-hello", ">= 3"))
                .hasMessage("k6/x/hello: no version of com.acme:k6j-hello matches \">=3\" (Maven [3.0.0,)); the versions"
                        + " in the local repository " + local + ", testbed (" + remote.url() + "): 1.0.0, 1.1.0, 2.0.0");
        assertThatThrownBy(() -> resolve("k6j-hello", ">= 2"))
                .hasMessageStartingWith("k6/x/hello: com.acme:k6j-hello:2.0.0 cannot run here: its manifest says it was"
                        + " built for the k6j SPI [0.2,0.3)");
        assertThatThrownBy(() -> resolve("plain-lib", null))
                .hasMessageContaining("is not a k6j extension: its jar lists no provider");
    }

    @Test
    void anUnreachableRepositoryIsSaidSoAndAnOldRecordStandsIn() throws IOException {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        ResolutionCache cache = new ResolutionCache(dir.resolve("cache"), Clock.fixed(start, ZoneOffset.UTC));
        try (ExtensionResolver resolver = resolver(false, cache)) {
            resolver.resolve(entry("k6j-hello", List.of(), null), null, SPI, "k6/x/hello");
        }
        settings = settings("http://127.0.0.1:" + closedPort() + "/maven2/", null);
        try (Stream<Path> files = Files.walk(local)) { // what the local repository knows of versions goes too
            for (Path metadata : files.filter(f -> f.getFileName().toString().startsWith("maven-metadata")).toList()) {
                Files.delete(metadata);
            }
        }
        ResolutionCache dayLater = new ResolutionCache(dir.resolve("cache"),
                Clock.fixed(start.plus(Duration.ofDays(2)), ZoneOffset.UTC));

        try (ExtensionResolver resolver = resolver(false, dayLater)) {
            ResolvedExtension old = resolver.resolve(entry("k6j-hello", List.of(), null), null, SPI, "k6/x/hello");
            assertThat(old.version()).isEqualTo("1.1.0");
        }
        assertThat(warnings).singleElement().asString()
                .startsWith("k6/x/hello: could not reach the Maven repositories for com.acme:k6j-hello (")
                .contains("Connection refused")
                .endsWith("; using com.acme:k6j-hello:1.1.0 as resolved before");

        local = dir.resolve("empty-local");
        assertThatThrownBy(() -> resolve("k6j-hello", null))
                .hasMessageContaining("could not reach the Maven repositories")
                .hasMessageContaining("K6J_OFFLINE=true");
    }

    @Test
    void offlineOnlyTheLocalRepositoryCounts() {
        try (ExtensionResolver resolver = resolver(true, null)) {
            assertThatThrownBy(() -> resolver.resolve(entry("k6j-hello", List.of(), null), null, SPI, "k6/x/hello"))
                    .isInstanceOf(ResolutionException.class)
                    .hasMessage("k6/x/hello: com.acme:k6j-hello is not in the local repository " + local + ", and k6j"
                            + " is offline (K6J_OFFLINE, or <offline> in settings.xml): resolve it once online, or"
                            + " install it there (mvn install)");
        }
        resolve("k6j-hello", null);
        try (ExtensionResolver resolver = resolver(true, null)) {
            assertThat(resolver.resolve(entry("k6j-hello", List.of(), null), null, SPI, "k6/x/hello").version())
                    .isEqualTo("1.1.0");
        }
    }

    @Test
    void mavensOwnOfflineSettingCountsToo() throws IOException {
        settings = Files.writeString(dir.resolve("offline-settings.xml"), """
                <settings>
                  <offline>true</offline>
                  <mirrors><mirror><id>testbed</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors>
                </settings>
                """.formatted(remote.url()));

        assertThatThrownBy(() -> resolve("k6j-hello", null))
                .isInstanceOf(ResolutionException.class)
                .hasMessageContaining("and k6j is offline");
    }

    @Test
    void aRepositoryOverHttpWithCredentialsFromSettings() throws IOException {
        try (MavenRepositoryServer server = MavenRepositoryServer.start(remote.root(), TestCertificates.generate(),
                "deployer", "s3cret")) {
            settings = settings(server.httpUrl(), "wrong");
            assertThatThrownBy(() -> resolve("k6j-hello", null)).hasMessageContaining("401")
                    .hasMessageEndingWith("check the credentials for that repository (a <server> with its id in"
                            + " ~/.m2/settings.xml)");

            settings = settings(server.httpUrl(), "s3cret");
            local = dir.resolve("local-http");
            ResolvedExtension hello = resolve("k6j-hello", "1.0.0");

            assertThat(hello.origin()).isEqualTo("testbed (" + server.httpUrl() + ")");
            assertThat(server.requests()).contains("GET com/acme/k6j-hello/1.0.0/k6j-hello-1.0.0.jar");
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
