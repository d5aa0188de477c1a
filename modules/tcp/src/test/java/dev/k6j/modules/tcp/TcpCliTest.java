package dev.k6j.modules.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.Testbed;
import dev.k6j.testbed.tcp.TcpTestbed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module as a user meets it, through the real CLI: the two examples of k6's k6/x/tcp documentation
 * ({@code examples/tcp-basic.js} and {@code tcp-tls.js}, their functions unchanged) run against the testbed, and TLS
 * follows the test's TLS options.
 */
class TcpCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();

    private static Testbed https;
    private static TcpTestbed tcp;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        https = Testbed.start(new Testbed.Ports("127.0.0.1", -1, 0, 0));
        tcp = TcpTestbed.start(TcpTestbed.Ports.FREE, https.certificates());
    }

    @AfterAll
    static void stop() {
        tcp.close();
        https.close();
    }

    private Path config(Map<String, Object> options) throws IOException {
        Path file = folder.resolve("config.json");
        Files.writeString(file, JSON.writeValueAsString(options));
        return file;
    }

    @Test
    void theDocumentedBasicExampleConnectsAndCloses() {
        CliRun run = CliRun.of("run", "-q", "--no-summary", "-e", "TCP_HOST=127.0.0.1",
                "-e", "TCP_PORT=" + tcp.echoPort(), EXAMPLES.resolve("tcp-basic.js").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).contains("Connected").contains("Connection closed").doesNotContain("Error:");
    }

    @Test
    void theDocumentedTlsExampleGetsItsRequestBack() {
        CliRun run = CliRun.of("run", "-q", "--no-summary", "-e", "TLS_PORT=" + tcp.tlsEchoPort(),
                EXAMPLES.resolve("tcp-tls.js").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).contains("Received: GET / HTTP/1.1").contains("Host: example.com")
                .doesNotContain("Error:");
    }

    @Test
    void aServerCertificateNobodyTrustsFailsTheHandshake() {
        CliRun run = CliRun.of("run", "-q", "--no-summary", "-e", "PORT=" + tcp.tlsEchoPort(), "-e", "PATH=/",
                "https-over-tcp.js");

        assertThat(run.exitCode()).as(run.all()).isZero();       // a failed iteration does not fail the test
        assertThat(run.all()).contains("TCP error during connect: TLS handshake failed:")
                .doesNotContain("status: HTTP").doesNotContain("at dev.k6j");
    }

    @Test
    void tlsAuthPresentsTheClientCertificate() throws IOException {
        int mtls = URI.create(https.mtlsUrl()).getPort();
        Path withCertificate = config(Map.of("insecureSkipTLSVerify", true, "tlsAuth", List.of(Map.of(
                "domains", List.of("localhost"), "cert", https.certificates().clientCertificatePem(),
                "key", https.certificates().clientKeyPem()))));

        CliRun run = CliRun.of("run", "-q", "--no-summary", "--config", withCertificate.toString(),
                "-e", "PORT=" + mtls, "-e", "PATH=/tls/client", "https-over-tcp.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).contains("status: HTTP/1.1 200 OK").contains("k6j test client");
    }

    @Test
    void withoutTlsAuthTheServerRefusesTheClient() throws IOException {
        int mtls = URI.create(https.mtlsUrl()).getPort();
        Path noCertificate = config(Map.of("insecureSkipTLSVerify", true));

        CliRun run = CliRun.of("run", "-q", "--no-summary", "--config", noCertificate.toString(),
                "-e", "PORT=" + mtls, "-e", "PATH=/tls/client", "https-over-tcp.js");

        assertThat(run.all()).doesNotContain("200 OK").contains("TCP error during");
    }

    @Test
    void tlsVersionAndCipherSuitesApply() throws IOException {
        Path tls12 = config(Map.of("insecureSkipTLSVerify", true, "tlsVersion", "tls1.2",
                "tlsCipherSuites", List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")));
        int port = URI.create(https.httpsUrl()).getPort();
        CliRun allowed = CliRun.of("run", "-q", "--no-summary", "--config", tls12.toString(),
                "-e", "PORT=" + port, "-e", "PATH=/get", "https-over-tcp.js");
        Path impossible = config(Map.of("insecureSkipTLSVerify", true, "tlsVersion", "tls1.3",
                "tlsCipherSuites", List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")));   // a TLS 1.2 suite only
        CliRun refused = CliRun.of("run", "-q", "--no-summary", "--config", impossible.toString(),
                "-e", "PORT=" + port, "-e", "PATH=/get", "https-over-tcp.js");

        assertThat(allowed.all()).contains("status: HTTP/1.1 200 OK").doesNotContain("Error:");
        assertThat(refused.all()).contains("TCP error during connect: TLS handshake failed:")
                .doesNotContain("status:");
    }

    @Test
    void versionListsTheModule() {
        CliRun run = CliRun.of("version");

        assertThat(run.stdout() + run.stderr()).contains("k6/x/tcp");
    }
}
