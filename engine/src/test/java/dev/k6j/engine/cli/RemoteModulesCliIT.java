package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.k6j.testbed.TestCertificates;
import dev.k6j.testbed.Testbed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code k6j run} of scripts that import modules over https:// from the testbed (never the internet), its CA
 * trusted through SSL_CERT_FILE, in a child process so the environment is the script's own.
 */
class RemoteModulesCliIT {

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

    private Map<String, String> env() {
        return Map.of("SSL_CERT_FILE", caFile.toString(), "K6J_REMOTE_MODULE_CACHE", "off");
    }

    private Path script(String text) throws IOException {
        return Files.writeString(tmp.resolve("test.js"), text.replace("$BASE", testbed.httpsUrl() + "/modules"));
    }

    @Test
    void remoteModulesTheirRelativeImportsAndRemoteTypeScriptRunOnEveryVu() throws Exception {
        script("""
                import { check } from 'k6';
                import { randomString, version } from '$BASE/k6j-utils/1.0.0/index.js';
                import { greet } from '$BASE/greeting.ts';
                export const options = { vus: 3, iterations: 6, thresholds: { checks: ['rate==1'] } };
                export default function () {
                  check(null, {
                    'remote module': () => randomString(4).length === 4 && version === '1.0.0',
                    'remote TypeScript': () => greet('k6').text === 'hello, k6',
                  });
                }
                """);
        CliRun run = CliProcess.k6j(tmp, env(), "run", "-q", "-a", "", "test.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("✓ remote module").contains("✓ remote TypeScript");
    }

    @Test
    void theRemoteModuleExampleRunsAgainstTheTestbed() throws Exception {
        Path example = Path.of("../examples/remote-module.js").toAbsolutePath().normalize();
        Files.writeString(tmp.resolve("test.js"), Files.readString(example)
                .replace("https://127.0.0.1:8443", testbed.httpsUrl()));
        CliRun run = CliProcess.k6j(tmp, env(), "run", "-q", "-a", "", "test.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("✓ the remote library answers")
                .contains("✓ the remote TypeScript module answers");
    }

    @Test
    void httpImportsAreRefusedInK6sWords() throws Exception {
        Path test = script("import x from 'http://127.0.0.1:1/x.js';\nexport default function () {}\n");
        CliRun run = CliRun.of("run", "-q", "-a", "", test.toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr().strip()).doesNotContain("\n")
                .contains("only supported schemes for imports are file and https, http://127.0.0.1:1/x.js has `http`");
    }

    @Test
    void aModuleThatCannotBeFetchedStopsTheRunWithOneLineNamingUrlAndCause() throws Exception {
        script("import x from '$BASE/missing.js';\nexport default function () {}\n");
        CliRun run = CliProcess.k6j(tmp, env(), "run", "-q", "-a", "", "test.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr().strip()).doesNotContain("\n").doesNotContain("\tat ")
                .contains("couldn't be retrieved from the resolved url \\\"" + testbed.httpsUrl()
                        + "/modules/missing.js\\\"").contains("not found");
    }

    @Test
    void withoutTheCaTheCertificateIsRefused() throws Exception {
        script("import x from '$BASE/greeting.ts';\nexport default function () {}\n");
        CliRun run = CliProcess.k6j(tmp, Map.of("K6J_REMOTE_MODULE_CACHE", "off",
                "SSL_CERT_FILE", tmp.resolve("none.pem").toString()), "run", "-q", "-a", "", "test.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr()).contains("x509: certificate signed by unknown authority");
    }

    @Test
    void anErrorInARemoteModuleNamesItsUrlAndLine() throws Exception {
        script("import { before } from '$BASE/broken.js';\nexport default function () {}\n");
        CliRun run = CliProcess.k6j(tmp, env(), "run", "-q", "-a", "", "test.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr()).contains("broken remote module").contains(testbed.httpsUrl() + "/modules/broken.js:3:");
    }

    @Test
    void aModuleNotFetchedDuringTheFirstInitIsNotFetchedLater() throws Exception {
        script("""
                export const options = { iterations: 1 };
                export default async function () {
                  await import('$BASE/greeting.ts');
                }
                """);
        CliRun run = CliProcess.k6j(tmp, env(), "run", "-q", "-a", "", "--no-summary", "test.js");
        // The init-stage gate refuses it before the loader is asked (ScriptFileSystem, InitStage).
        assertThat(run.stderr()).as(run.all())
                .contains("the \\\"import\\\" function is only available in the init stage");
    }

    @Test
    void extensionsOnDemandSeeTheImportsOfRemoteModules() throws Exception {
        script("""
                import '$BASE/needs-extension.js';
                export default function () {}
                """);
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("K6_AUTO_EXTENSION_RESOLUTION", "true");   // off for the engine's other tests (engine/pom.xml)
        env.put("K6J_OFFLINE", "true");
        CliRun run = CliProcess.k6j(tmp, env, "run", "-q", "-a", "", "--no-summary", "test.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr()).as("the scan before the run found the remote module's import: " + run.all())
                .contains("k6/x/nope is not in this k6j and no extension catalog offers it");
    }

    @Test
    void aRemoteScriptIsArchivedAsK6ArchivesItAndRunsFromTheArchive() throws Exception {
        String script = testbed.httpsUrl() + "/modules/script.js";
        CliRun archive = CliProcess.k6j(tmp, env(), "archive", "-O", "remote.tar", script);
        assertThat(archive.exitCode()).as(archive.all()).isZero();
        byte[] tar = Files.readAllBytes(tmp.resolve("remote.tar"));
        String host = testbed.httpsUrl().substring("https://".length());
        assertThat(ArchiveCompatibilityTest.entryNames(tar)).contains("https/" + host + "/modules/script.js",
                "https/" + host + "/modules/k6j-utils/1.0.0/random.js");
        JsonNode metadata = new ObjectMapper().readTree(ArchiveCompatibilityTest.tarEntry(tar, "metadata.json"));
        assertThat(metadata.get("filename").asText()).isEqualTo(script);
        assertThat(metadata.get("pwd").asText()).as("k6 records a remote script's folder")
                .isEqualTo(testbed.httpsUrl() + "/modules/");

        CliRun run = CliProcess.k6j(tmp, Map.of(), "run", "-q", "-a", "", "remote.tar");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("a remote script ran: 6 letters");
    }

    @Test
    void eachModuleIsFetchedOncePerRunNotOncePerVu() throws Exception {
        Map<String, Integer> requests = new TreeMap<>();
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls(testbed.certificates())));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            synchronized (requests) {
                requests.merge(path, 1, Integer::sum);
            }
            byte[] body = (path.equals("/lib.js") ? "export { answer } from './answer.js';\n"
                    : "export const answer = 42;\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Files.writeString(tmp.resolve("test.js"), """
                    import { check } from 'k6';
                    import { answer } from 'https://127.0.0.1:%d/lib.js';
                    export const options = { vus: 4, iterations: 8, thresholds: { checks: ['rate==1'] } };
                    export function setup() { return answer; }
                    export default function (data) { check(answer, { 'the remote answer': (a) => a === data }); }
                    export function teardown() {}
                    """.formatted(server.getAddress().getPort()));
            CliRun run = CliProcess.k6j(tmp, env(), "run", "-q", "-a", "", "test.js");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.stdout()).contains("✓ the remote answer");
            synchronized (requests) {
                assertThat(requests).as("requests per path, for 4 VUs, setup and teardown")
                        .isEqualTo(Map.of("/answer.js", 1, "/lib.js", 1));
            }
        } finally {
            server.stop(0);
        }
    }

    /** TLS for a server of the testbed's certificate, which the child process trusts through SSL_CERT_FILE. */
    private static SSLContext serverTls(TestCertificates certificates) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(certificates.serverKeyManagers(), null, null);
        return context;
    }
}
