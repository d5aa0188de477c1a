package dev.k6j.output.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A broker whose listener speaks TLS with a self-signed certificate: {@code ssl} with
 * {@code insecureSkipTLSVerify} delivers, {@code ssl} alone is one line at start naming the certificate check.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TlsIT {

    @RegisterExtension
    static final EmbeddedKafka KAFKA = EmbeddedKafka.tls(selfSignedKeyStore());

    @Test
    void insecureSkipTlsVerifyDeliversToABrokerWithAnUntrustedCertificate() throws Exception {
        String topic = KAFKA.createTopic(1);
        CliRun run = CliRun.of("run", "-q", "--out", "kafka=brokers=" + KAFKA.bootstrapServers() + ",topic=" + topic
                + ",ssl=true,insecureSkipTLSVerify=true", "-e", "SLEEP=0", "metrics.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        long[] counts = new KafkaRun(run, List.of(), null).closingCounts();
        assertThat(counts[0]).isEqualTo(counts[1]).isPositive();
        assertThat(KAFKA.records(topic)).hasSize((int) counts[0]).allSatisfy(Records::json);
    }

    @Test
    void anUntrustedCertificateIsOneLineAtStart() {
        CliRun run = CliRun.of("run", "--out", "kafka=brokers=" + KAFKA.bootstrapServers() + ",topic=k6,ssl=true",
                "metrics.js");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("could not start the 'kafka' output: the TLS handshake with the Kafka"
                + " brokers " + KAFKA.bootstrapServers() + " failed: ")
                .contains("(insecureSkipTLSVerify=true skips the certificate check)");
    }

    /** A PKCS#12 key store with a fresh self-signed certificate for localhost, made by the JDK's keytool. */
    private static Path selfSignedKeyStore() {
        try {
            Path dir = Files.createTempDirectory("k6j-kafka-tls");
            dir.toFile().deleteOnExit();
            Path store = dir.resolve("broker.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", EmbeddedKafka.KEY_STORE_PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            store.toFile().deleteOnExit();
            return store;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
