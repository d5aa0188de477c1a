package dev.k6j.output.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A broker whose listener wants SASL (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512): the right credentials deliver, wrong
 * ones are one line at start.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SaslIT {

    @RegisterExtension
    static final EmbeddedKafka KAFKA = EmbeddedKafka.saslPlain();

    @Test
    void plainCredentialsDeliver() throws Exception {
        String topic = KAFKA.createTopic(1);
        CliRun run = CliRun.of("run", "-q", "--out", "kafka=brokers=" + KAFKA.bootstrapServers() + ",topic=" + topic
                + ",authMechanism=plain,user=" + EmbeddedKafka.SASL_USER + ",password=" + EmbeddedKafka.SASL_PASSWORD,
                "-e", "SLEEP=0", "metrics.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        long[] counts = new KafkaRun(run, java.util.List.of(), null).closingCounts();
        assertThat(KAFKA.records(topic)).hasSize((int) counts[0]).allSatisfy(Records::json);
        assertThat(counts[0]).isEqualTo(counts[1]).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-256", "SCRAM-SHA-512"})
    void scramCredentialsDeliver(String mechanism) throws Exception {
        KAFKA.addScramUser(mechanism, EmbeddedKafka.SCRAM_USER, "s3cret-" + mechanism);
        String topic = KAFKA.createTopic(1);
        CliRun run = CliRun.of("run", "-q", "--out", "kafka=brokers=" + KAFKA.bootstrapServers() + ",topic=" + topic
                + ",authMechanism=" + mechanism.toLowerCase(java.util.Locale.ROOT) + ",user="
                + EmbeddedKafka.SCRAM_USER + ",password=s3cret-" + mechanism, "-e", "SLEEP=0", "metrics.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        long[] counts = new KafkaRun(run, java.util.List.of(), null).closingCounts();
        assertThat(counts[0]).isEqualTo(counts[1]).isPositive();
        assertThat(KAFKA.records(topic)).hasSize((int) counts[0]);
    }

    @Test
    void wrongCredentialsAreOneLineAtStart() {
        CliRun run = CliRun.of("run", "--out", "kafka=brokers=" + KAFKA.bootstrapServers() + ",topic=k6,"
                + "authMechanism=plain,user=" + EmbeddedKafka.SASL_USER + ",password=wrong", "metrics.js");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("could not start the 'kafka' output: the Kafka brokers "
                + KAFKA.bootstrapServers() + " refused the credentials of user '" + EmbeddedKafka.SASL_USER
                + "' (plain): ").doesNotContain("wrong");
    }

    @Test
    void noCredentialsForASaslListenerIsOneLineAtStartNotAHang() {
        CliRun run = CliRun.of("run", "--out", "kafka=brokers=" + KAFKA.bootstrapServers() + ",topic=k6,"
                + "deliveryTimeout=3s", "metrics.js");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("could not start the 'kafka' output: could not reach the Kafka brokers "
                + KAFKA.bootstrapServers() + " within 3000 ms (is the address right, and does the listener want TLS"
                + " or SASL?)");
    }
}
