package dev.k6j.engine.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.testbed.Testbed;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote modules fetched from the testbed over HTTPS, its CA trusted through SSL_CERT_FILE as k6 would. */
class RemoteModulesIT {

    private static Testbed testbed;
    private static Path caFile;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        testbed = Testbed.start(new Testbed.Ports("127.0.0.1", -1, 0, -1));
        caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, testbed.certificates().caPem());
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    private static URI module(String path) {
        return URI.create(testbed.httpsUrl() + "/modules/" + path);
    }

    private RemoteModules trusting(RemoteModuleCache cache, List<String> warnings) {
        return new RemoteModules(Map.of("SSL_CERT_FILE", caFile.toString()), Duration.ofSeconds(10), cache,
                warnings::add);
    }

    @Test
    void fetchesAModuleTheTestbedServesWhenItsCaIsTrustedThroughSslCertFile() throws IOException {
        byte[] body = trusting(null, new ArrayList<>()).fetch(module("k6j-utils/1.0.0/index.js"));
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("export function randomString");
    }

    @Test
    void aServerNoTrustedCaSignedIsRefusedAsGoRefusesIt() {
        RemoteModules untrusting = new RemoteModules(Map.of("SSL_CERT_FILE", tmp.resolve("empty.pem").toString()),
                Duration.ofSeconds(10), null, warning -> { });
        assertThatThrownBy(() -> untrusting.fetch(module("greeting.ts")))
                .isInstanceOf(RemoteModuleException.class)
                .hasMessageStartingWith("The moduleSpecifier \"" + module("greeting.ts") + "\" couldn't be retrieved")
                .hasMessageContaining("x509: certificate signed by unknown authority");
    }

    @Test
    void aMissingModuleNamesTheUrlAndNotFound() {
        assertThatThrownBy(() -> trusting(null, new ArrayList<>()).fetch(module("nope.js")))
                .hasMessageContaining("Error : \"not found: " + module("nope.js") + "\"");
    }

    @Test
    void aRefusedConnectionSaysSo() {
        URI nowhere = URI.create("https://127.0.0.1:1/x.js");
        assertThatThrownBy(() -> trusting(null, new ArrayList<>()).fetch(nowhere))
                .hasMessageContaining("dial tcp 127.0.0.1:1: connect: connection refused");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsGivenUpOn() {
        RemoteModules impatient = new RemoteModules(Map.of("SSL_CERT_FILE", caFile.toString()),
                Duration.ofMillis(300), null, warning -> { });
        assertThatThrownBy(() -> impatient.fetch(URI.create(testbed.httpsUrl() + "/delay/3")))
                .hasMessageContaining("context deadline exceeded (no answer within 300ms)");
    }

    @Test
    void theDiskCacheAsksWhetherAModuleChangedAndStandsInWhenTheServerIsGone() throws IOException {
        RemoteModuleCache cache = new RemoteModuleCache(tmp.resolve("cache"));
        URI url = module("greeting.ts");
        List<String> warnings = new ArrayList<>();
        byte[] first = trusting(cache, warnings).fetch(url);
        assertThat(cache.get(url)).get().extracting(RemoteModuleCache.Entry::etag).isNotNull();
        assertThat(trusting(cache, warnings).fetch(url)).as("a 304 answer gives the copy").isEqualTo(first);
        assertThat(warnings).isEmpty();

        // the same URL on a port nobody listens on: the copy stands in, with a warning
        URI gone = URI.create("https://127.0.0.1:1/modules/greeting.ts");
        Files.copy(cacheFile(cache, url, ".js"), cacheFile(cache, gone, ".js"));
        Files.writeString(cacheFile(cache, gone, ".properties"),
                Files.readString(cacheFile(cache, url, ".properties")).replace(url.toString()
                        .replace(":", "\\:"), gone.toString().replace(":", "\\:")));
        assertThat(trusting(cache, warnings).fetch(gone)).isEqualTo(first);
        assertThat(warnings).singleElement().asString().startsWith("using the copy of " + gone + " cached on");
    }

    @Test
    void theCachedCopyDoesNotStandInForACertificateThatIsRefused() throws IOException {
        RemoteModuleCache cache = new RemoteModuleCache(tmp.resolve("cache"));
        URI url = module("greeting.ts");
        trusting(cache, new ArrayList<>()).fetch(url);
        List<String> warnings = new ArrayList<>();
        RemoteModules untrusting = new RemoteModules(Map.of("SSL_CERT_FILE", tmp.resolve("empty.pem").toString()),
                Duration.ofSeconds(10), cache, warnings::add);
        assertThatThrownBy(() -> untrusting.fetch(url))
                .hasMessageContaining("x509: certificate signed by unknown authority");
        assertThat(warnings).isEmpty();
    }

    @Test
    void theCacheIsOffWhenTheEnvironmentSaysSo() {
        assertThat(RemoteModuleCache.fromEnvironment(Map.of("K6J_REMOTE_MODULE_CACHE", "off"))).isNull();
        assertThat(RemoteModuleCache.fromEnvironment(Map.of("XDG_CACHE_HOME", "/x")).folder())
                .isEqualTo(Path.of("/x/k6j/remote-modules"));
    }

    private static Path cacheFile(RemoteModuleCache cache, URI url, String suffix) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return cache.folder().resolve(java.util.HexFormat.of().formatHex(hash) + suffix);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
