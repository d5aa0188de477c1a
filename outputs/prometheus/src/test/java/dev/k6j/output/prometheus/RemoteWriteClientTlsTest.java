package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.output.prometheus.prompb.Types;
import dev.k6j.spi.OutputParams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS as the output's settings ask for it, against an HTTPS receiver that wants a client certificate: PEM client
 * certificates with keys in the three forms Go reads, {@code insecureSkipTLSVerify}, and a refused server
 * certificate. The certificates are made by {@code openssl} in a temporary folder (skipped without it).
 */
class RemoteWriteClientTlsTest {

    @TempDir
    static Path certs;

    private static final List<Types.TimeSeries> ONE_SERIES = List.of(Types.TimeSeries.newBuilder()
            .addLabels(Types.Label.newBuilder().setName("__name__").setValue("k6_tls_test"))
            .addSamples(Types.Sample.newBuilder().setValue(1).setTimestamp(System.currentTimeMillis())).build());

    @BeforeAll
    static void makeCertificates() throws Exception {
        Assumptions.assumeTrue(openssl("version") == 0, "openssl is needed to make test certificates");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "server-key.pem", "-out", "server.pem");
        openssl("pkcs12", "-export", "-in", "server.pem", "-inkey", "server-key.pem", "-passout", "pass:test",
                "-out", "server.p12");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=k6j",
                "-keyout", "client-key.pem", "-out", "client.pem");
        openssl("rsa", "-in", "client-key.pem", "-traditional", "-out", "client-key-pkcs1.pem");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec-key.pem");
        openssl("req", "-x509", "-new", "-key", "ec-key.pem", "-days", "2", "-subj", "/CN=k6j-ec", "-out", "ec.pem");
    }

    private static int openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(certs.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor();
        } catch (IOException noOpenssl) {
            return -1;
        }
    }

    /** The receiver's TLS: its own certificate, trusting exactly the given client certificates. */
    private static SSLContext serverContext(String... trustedClients) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certs.resolve("server.p12"))) {
            keys.load(in, "test".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "test".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (String client : trustedClients) {
            trust.setCertificateEntry(client, CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(certs.resolve(client)))));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static PrometheusConfig config(String url, Map<String, String> env) {
        return PrometheusConfig.from(new OutputParams(PrometheusOutputFactory.NAME, "url=" + url, Map.of(), env,
                Map.of(), certs, System.out, System.err, System.getLogger("test")));
    }

    private static PushResult push(PrometheusConfig config) throws InterruptedException {
        try (RemoteWriteClient client = new RemoteWriteClient(config)) {
            return client.push(RemoteWriteClient.encode(ONE_SERIES), Duration.ofSeconds(5));
        }
    }

    @Test
    void clientCertificatesWithPkcs8Pkcs1AndEcKeysAreAccepted() throws Exception {
        try (RemoteWriteReceiver receiver = RemoteWriteReceiver.startTls(serverContext("client.pem", "ec.pem"), true)) {
            for (String[] pair : new String[][] {{"client.pem", "client-key.pem"}, {"client.pem", "client-key-pkcs1.pem"},
                    {"ec.pem", "ec-key.pem"}}) {
                PushResult result = push(config(receiver.url(), Map.of(
                        "K6_PROMETHEUS_RW_INSECURE_SKIP_TLS_VERIFY", "true",
                        "K6_PROMETHEUS_RW_CLIENT_CERTIFICATE", pair[0],
                        "K6_PROMETHEUS_RW_CLIENT_CERTIFICATE_KEY", pair[1])));
                assertThat(result).as(String.join(" + ", pair)).isEqualTo(new PushResult.Accepted(204));
            }
            assertThat(receiver.received()).hasSize(3);
        }
    }

    @Test
    void withoutAClientCertificateTheServerRefusesTheConnection() throws Exception {
        try (RemoteWriteReceiver receiver = RemoteWriteReceiver.startTls(serverContext("client.pem"), true)) {
            PushResult result = push(config(receiver.url(), Map.of("K6_PROMETHEUS_RW_INSECURE_SKIP_TLS_VERIFY", "true")));

            assertThat(result).isInstanceOf(PushResult.Failed.class);
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void anUntrustedServerCertificateFailsUnlessVerificationIsSkipped() throws Exception {
        try (RemoteWriteReceiver receiver = RemoteWriteReceiver.startTls(serverContext(), false)) {
            PushResult verified = push(config(receiver.url(), Map.of()));
            PushResult skipped = push(config(receiver.url(), Map.of("K6_PROMETHEUS_RW_INSECURE_SKIP_TLS_VERIFY", "1",
                    "K6_PROMETHEUS_RW_TLS_MIN_VERSION", "1.2")));

            assertThat(verified).isInstanceOf(PushResult.Failed.class);
            assertThat(((PushResult.Failed) verified).reason()).containsIgnoringCase("certification path");
            assertThat(skipped).isEqualTo(new PushResult.Accepted(204));
        }
    }

    @Test
    void aMissingOrWrongKeyFileIsAClearConfigurationError() throws Exception {
        Files.writeString(certs.resolve("not-a-key.pem"), "hello");

        assertThatThrownBy(() -> new RemoteWriteClient(config("https://127.0.0.1:1/api/v1/write", Map.of(
                "K6_PROMETHEUS_RW_CLIENT_CERTIFICATE", "client.pem",
                "K6_PROMETHEUS_RW_CLIENT_CERTIFICATE_KEY", "missing.pem"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failed to load the TLS client certificate key " + certs.resolve("missing.pem")
                        + ": no such file");
        assertThatThrownBy(() -> new RemoteWriteClient(config("https://127.0.0.1:1/api/v1/write", Map.of(
                "K6_PROMETHEUS_RW_CLIENT_CERTIFICATE", "client.pem",
                "K6_PROMETHEUS_RW_CLIENT_CERTIFICATE_KEY", "not-a-key.pem"))))
                .hasMessageContaining("holds no unencrypted PEM PRIVATE KEY");
    }
}
