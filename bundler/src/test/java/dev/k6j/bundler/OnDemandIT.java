package dev.k6j.bundler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.bundler.BundlerFixture.Run;
import dev.k6j.testbed.TestCertificates;
import dev.k6j.testbed.maven.MavenRepositoryFolder;
import dev.k6j.testbed.maven.MavenRepositoryServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: extensions on demand. The bare core (a one-file bundle with no extensions) runs scripts that import
 * the extension template, or name an output, that it lacks; k6j finds them in a catalog, resolves them from a Maven
 * repository the testbed serves over HTTPS with credentials (or from a folder), caches them, loads them as plugins
 * and runs. Every failure is one line with exit code 107 (an import) or 104 (an output).
 */
class OnDemandIT {

    static BundlerFixture fixture;
    static Path bare;
    static MavenRepositoryFolder published;
    static MavenRepositoryServer server;
    static Path shared;
    static Path catalog;
    static Path settings;
    static Path trustStore;
    static TestCertificates certificates;

    @TempDir
    Path tmp;
    Path cache;
    Path local;

    @BeforeAll
    static void publishAndServe() throws IOException {
        fixture = BundlerFixture.get();
        bare = fixture.bare();
        shared = Files.createDirectories(fixture.work.resolve("on-demand"));
        published = new MavenRepositoryFolder(shared.resolve("published"));
        String pom = Files.readString(fixture.template.resolve("pom.xml"));
        published.publish("com.example", "k6j-greeting", "1.0.0", Files.readAllBytes(fixture.templateJar), pom);
        published.publish("com.example", "k6j-greeting", "1.1.0",
                withManifest(fixture.templateJar, Map.of("Implementation-Version", "1.1.0")),
                pom.replaceFirst("<version>1.0.0</version>", "<version>1.1.0</version>"));
        published.publish("com.example", "k6j-greeting", "3.0.0",
                withManifest(fixture.templateJar, Map.of("Implementation-Version", "3.0.0", "K6j-Spi-Requires",
                        "[9.0,10.0)")), pom.replaceFirst("<version>1.0.0</version>", "<version>3.0.0</version>"));
        published.publish("com.acme", "k6j-counter", "2.0.0", Files.readAllBytes(fixture.counterJar),
                MavenRepositoryFolder.pom("com.acme", "k6j-counter", "2.0.0", List.of(), List.of()));
        published.publish("com.acme", "k6j-damaged", "1.0.0", Files.readAllBytes(fixture.templateJar),
                MavenRepositoryFolder.pom("com.acme", "k6j-damaged", "1.0.0", List.of(), List.of()));
        Files.write(published.jar("com.acme", "k6j-damaged", "1.0.0"), "garbage".getBytes(), StandardOpenOption.APPEND);

        certificates = TestCertificates.generate();
        server = MavenRepositoryServer.start(published.root(), certificates, "deployer", "s3cret");
        trustStore = MavenRepositoryServer.writeTrustStore(certificates, shared.resolve("truststore.p12"));
        String https = "{\"id\": \"testbed\", \"url\": \"" + server.httpsUrl() + "\"}";
        catalog = Files.writeString(shared.resolve("catalog.json"), """
                {
                  "k6/x/greeting": {"coordinates": "com.example:k6j-greeting", "repository": %1$s, "spi": "[0.1,0.2)"},
                  "counter": {"coordinates": "com.acme:k6j-counter", "outputs": ["counter"], "repository": %1$s},
                  "k6/x/future": {"coordinates": "com.example:k6j-greeting", "versions": ["3.0.0"], "repository": %1$s},
                  "k6/x/gone": {"coordinates": "com.acme:k6j-gone", "repository": %1$s},
                  "k6/x/damaged": {"coordinates": "com.acme:k6j-damaged", "repository": %1$s},
                  "k6/x/down": {"coordinates": "com.acme:k6j-down", "repository": "http://127.0.0.1:%2$d/maven2/"}
                }
                """.formatted(https, closedPort()));
        // Central is mirrored to the testbed too: nothing leaves the machine.
        settings = Files.writeString(shared.resolve("settings.xml"), """
                <settings>
                  <servers><server><id>testbed</id><username>deployer</username><password>s3cret</password></server></servers>
                  <mirrors><mirror><id>testbed</id><mirrorOf>central</mirrorOf><url>%s</url></mirror></mirrors>
                </settings>
                """.formatted(server.httpsUrl()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void emptyCaches() throws IOException {
        cache = Files.createDirectories(tmp.resolve("k6j-cache"));
        Files.createDirectories(fixture.cache.resolve("bundles"));
        Files.createSymbolicLink(cache.resolve("bundles"), fixture.cache.resolve("bundles")); // unpacked once
        local = tmp.resolve("m2");
    }

    private Run k6j(Map<String, String> extra, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(BundlerFixture.interpreter());
        env.put("K6_AUTO_EXTENSION_RESOLUTION", "true");
        env.put("K6J_EXTENSION_CATALOG", catalog.toString());
        env.put("K6J_MAVEN_SETTINGS", settings.toString());
        env.put("K6J_CACHE_DIR", cache.toString());
        env.put("K6J_JAVA_OPTS", "-Dmaven.repo.local=" + local + " -Djavax.net.ssl.trustStore=" + trustStore
                + " -Djavax.net.ssl.trustStorePassword=testbed");
        env.putAll(extra);
        String[] command = new String[args.length + 1];
        command[0] = bare.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return BundlerFixture.process(tmp, env, command);
    }

    private Path script(String name, String prologue) throws IOException {
        return Files.writeString(tmp.resolve(name), prologue + Files.readString(fixture.template.resolve(
                "examples/greeting.js")));
    }

    @Test
    void anEmptyCacheResolvesTheTemplateOverHttpsAndTheSecondRunUsesTheCache() throws Exception {
        script("greeting.js", "");

        Run first = k6j(Map.of(), "run", "-q", "greeting.js");
        int requests = server.requests().size();
        Run second = k6j(Map.of(), "run", "-q", "greeting.js");

        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.stderr()).contains("added k6/x/greeting 1.1.0 on demand: com.example:k6j-greeting:1.1.0 from"
                + " testbed (" + server.httpsUrl() + ")").contains("Hello, VU 1! / Hello later, VU 1!");
        assertThat(first.stdout()).contains("✓ greetings");
        assertThat(server.requests()).contains("GET com/example/k6j-greeting/1.1.0/k6j-greeting-1.1.0.jar");
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.stderr()).contains("added k6/x/greeting 1.1.0 on demand: com.example:k6j-greeting:1.1.0"
                + " from testbed (" + server.httpsUrl() + ") (resolved before; cached)");
        assertThat(server.requests()).hasSize(requests);
        assertThat(local.resolve("com/example/k6j-greeting/1.1.0/k6j-greeting-1.1.0.jar")).isRegularFile();
    }

    @Test
    void aDirectivesConstraintPicksTheOlderOfTwoPublishedVersions() throws Exception {
        script("pinned.js", "\"use k6 with k6/x/greeting < 1.1\";\n");

        Run run = k6j(Map.of(), "run", "-q", "pinned.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("added k6/x/greeting 1.0.0 on demand: com.example:k6j-greeting:1.0.0");
    }

    @Test
    void anOutputNamedByOutIsResolvedAndReceivesTheSamples() throws Exception {
        Files.writeString(tmp.resolve("plain.js"), "export const options = { iterations: 3 };\n"
                + "export default function () {}\n");

        Run run = k6j(Map.of(), "run", "-q", "--out", "counter", "plain.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("added --out counter 2.0.0 on demand: com.acme:k6j-counter:2.0.0 from testbed");
        assertThat(run.stdout()).containsPattern("counter: \\d+ samples");
    }

    @Test
    void aRepositoryInAFolderServesAsWell() throws Exception {
        Path folderCatalog = Files.writeString(tmp.resolve("folder.json"), """
                {"k6/x/greeting": {"coordinates": "com.example:k6j-greeting", "versions": ["1.0.0"],
                                   "repository": {"id": "disk", "url": "%s"}}}
                """.formatted(published.url()));
        script("greeting.js", "");

        Run run = k6j(Map.of("K6J_EXTENSION_CATALOG", folderCatalog.toString()), "run", "-q", "greeting.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("added k6/x/greeting 1.0.0 on demand: com.example:k6j-greeting:1.0.0 from"
                + " disk (" + published.url() + ")").contains("Hello, VU 2!");
    }

    @Test
    void aCatalogServedOverHttpsIsReadAndItsKeptCopyAnswersWhenTheServerIsGone() throws Exception {
        Path hosted = Files.createDirectories(tmp.resolve("hosted"));
        Files.copy(catalog, hosted.resolve("catalog.json"));
        script("greeting.js", "");
        String url;
        Run first;
        try (MavenRepositoryServer web = MavenRepositoryServer.start(hosted, certificates, null, null)) {
            url = web.httpsUrl() + "catalog.json";
            first = k6j(Map.of("K6J_EXTENSION_CATALOG", url), "run", "-q", "greeting.js");
            assertThat(web.requests()).containsExactly("GET catalog.json");
        }
        Run second = k6j(Map.of("K6J_EXTENSION_CATALOG", url), "run", "-q", "greeting.js");

        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.stderr()).contains("added k6/x/greeting 1.1.0 on demand: com.example:k6j-greeting:1.1.0 from"
                + " testbed (" + server.httpsUrl() + ")").doesNotContain("copy kept");
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.stderr()).contains("the extension catalog " + url + " is read from the copy kept on ")
                .contains("it could not be fetched").contains("(resolved before; cached)");
    }

    @Test
    void aNameNoCatalogOffersIsOneLine() throws Exception {
        Files.writeString(tmp.resolve("nope.js"), "import nope from 'k6/x/nope';\nexport default function () {}\n");

        assertOneLine(k6j(Map.of(), "run", "nope.js"), 107, "error: k6/x/nope is not in this k6j and no extension"
                + " catalog offers it (catalogs: built-in, " + catalog + "): add an entry for it");
    }

    @Test
    void anArtifactInNoRepositorySaysWhereItLooked() throws Exception {
        Files.writeString(tmp.resolve("gone.js"), "import gone from 'k6/x/gone';\nexport default function () {}\n");

        assertOneLine(k6j(Map.of(), "run", "gone.js"), 107, "error: k6/x/gone: com.acme:k6j-gone (named by the "
                + catalog + " catalog) was not found in the local repository " + local + ", testbed ("
                + server.httpsUrl() + ")");
    }

    @Test
    void aDamagedDownloadFailsItsChecksumAndNothingOfItIsKept() throws Exception {
        Files.writeString(tmp.resolve("damaged.js"), "import d from 'k6/x/damaged';\nexport default function () {}\n");

        assertOneLine(k6j(Map.of(), "run", "damaged.js"), 107, "error: k6/x/damaged: the download of"
                + " com.acme:k6j-damaged:1.0.0 failed its checksum check");
        assertThat(local.resolve("com/acme/k6j-damaged/1.0.0/k6j-damaged-1.0.0.jar")).doesNotExist();
        try (Stream<Path> records = Files.list(cache)) {
            assertThat(records.map(p -> p.getFileName().toString())).doesNotContain("extensions");
        }
    }

    @Test
    void anExtensionForAnotherSpiIsRefused() throws Exception {
        Files.writeString(tmp.resolve("future.js"), "import f from 'k6/x/future';\nexport default function () {}\n");

        assertOneLine(k6j(Map.of(), "run", "future.js"), 107, "error: k6/x/future: com.example:k6j-greeting:3.0.0"
                + " cannot run here: its manifest says it was built for the k6j SPI [9.0,10.0) but this k6j has SPI "
                + fixture.version);
    }

    @Test
    void anUnreachableRepositorySaysSoAndHowToRunOffline() throws Exception {
        Files.writeString(tmp.resolve("down.js"), "import d from 'k6/x/down';\nexport default function () {}\n");

        Run run = k6j(Map.of(), "run", "down.js");

        assertOneLine(run, 107, "error: k6/x/down: could not reach the Maven repositories for com.acme:k6j-down");
        assertThat(run.stderr()).contains("K6J_OFFLINE=true");
    }

    @Test
    void offlineOnlyTheLocalRepositoryIsAsked() throws Exception {
        script("greeting.js", "");
        int requests = server.requests().size();

        Run run = k6j(Map.of("K6J_OFFLINE", "true"), "run", "greeting.js");

        assertOneLine(run, 107, "error: k6/x/greeting: com.example:k6j-greeting is not in the local repository "
                + local + ", and k6j is offline");
        assertThat(server.requests()).hasSize(requests);
    }

    @Test
    void directivesOfTwoFilesThatDisagreeNameBoth() throws Exception {
        Files.writeString(tmp.resolve("lib.js"), "\"use k6 with k6/x/greeting >= 1.1\";\nexport const x = 1;\n");
        Files.writeString(tmp.resolve("main.js"), "\"use k6 with k6/x/greeting < 1.1\";\nimport { x } from './lib.js';\n"
                + "export default function () {}\n");

        assertOneLine(k6j(Map.of(), "run", "main.js"), 107, "error: the directives \"use k6 with k6/x/greeting < 1.1\""
                + " in " + tmp.resolve("main.js") + " and \"use k6 with k6/x/greeting >= 1.1\" in " + tmp.resolve("lib.js")
                + " ask for different versions of k6/x/greeting");
    }

    @Test
    void aK6VersionThisK6jDoesNotRunIsRefused() throws Exception {
        Files.writeString(tmp.resolve("new.js"), "\"use k6 >= 2.0\";\nexport default function () {}\n");

        assertOneLine(k6j(Map.of(), "run", "new.js"), 107, "error: the directive \"use k6 >= 2.0\" in "
                + tmp.resolve("new.js") + " asks for k6 >=2.0, but this k6j runs scripts written for k6 v1.3.0");
    }

    private static void assertOneLine(Run run, int exitCode, String start) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(exitCode);
        List<String> errors = run.errorLines();
        assertThat(errors).as(run.all()).hasSize(1);
        assertThat(errors.getFirst()).startsWith(start).doesNotContain("\tat ");
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The bytes of a copy of {@code jar} with manifest attributes set. */
    static byte[] withManifest(Path jar, Map<String, String> attributes) throws IOException {
        Path copy = Files.createTempFile("k6j-it", ".jar");
        try {
            return Files.readAllBytes(BundlerFixture.withManifest(jar, copy, attributes));
        } finally {
            Files.delete(copy);
        }
    }
}
