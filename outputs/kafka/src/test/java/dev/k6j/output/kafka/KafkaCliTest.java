package dev.k6j.output.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.cli.CliRun;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The output as a user meets it: found by {@code --out} under both names, its banner line, its errors. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KafkaCliTest {

    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @Test
    void theEngineFindsTheOutputByItsNameAndItsXk6Alias() throws Exception {
        String topic = KAFKA.createTopic(1);
        String argument = "brokers=" + KAFKA.bootstrapServers() + ",topic=" + topic;
        CliRun kafka = CliRun.of("run", "--out", "kafka=" + argument, "-e", "SLEEP=0", "metrics.js");
        CliRun xk6 = CliRun.of("run", "-q", "--out", "xk6-kafka=" + argument, "-e", "SLEEP=0", "metrics.js");

        assertThat(kafka.exitCode()).as(kafka.all()).isZero();
        assertThat(kafka.stdout()).contains("kafka (json to topic '" + topic + "' on " + KAFKA.bootstrapServers() + ")");
        assertThat(xk6.exitCode()).as(xk6.all()).isZero();
        assertThat(KAFKA.records(topic)).hasSizeGreaterThan(100);
    }

    @Test
    void theConfigFilesCollectorsSectionConfiguresItAsXk6sDoes(@TempDir Path work) throws Exception {
        String topic = KAFKA.createTopic(1);
        Path config = work.resolve("config.json");
        Files.writeString(config, "{\"collectors\": {\"kafka\": {\"brokers\": [\"" + KAFKA.bootstrapServers()
                + "\"], \"topic\": \"" + topic + "\", \"format\": \"influxdb\", \"pushInterval\": \"300ms\","
                + " \"influxdb\": {\"tagsAsFields\": [\"url\", \"check\"]}}}}");
        CliRun run = CliRun.of("run", "-q", "--config", config.toString(), "-e", "SLEEP=0", "--out", "kafka",
                "metrics.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(KAFKA.records(topic)).isNotEmpty().allSatisfy(Records::influx)
                .anySatisfy(line -> assertThat(line).startsWith("checks,").contains(" check=\"is odd\","));
    }

    @Test
    void badSettingsStopTheRunBeforeItStartsWithOneLine() {
        CliRun noBroker = CliRun.of("run", "--out", "kafka=topic=k6", "metrics.js");
        CliRun badFormat = CliRun.of("run", "--out", "kafka=brokers=localhost:9092,topic=k6,format=xml", "metrics.js");
        CliRun noPassword = CliRun.of("run", "--out", "kafka=brokers=localhost:9092,topic=k6,authMechanism=plain,"
                + "user=k6", "metrics.js");

        assertThat(noBroker.exitCode()).as(noBroker.all()).isEqualTo(104);
        assertThat(noBroker.stderr()).contains("could not create the 'kafka' output: the kafka output needs at least"
                + " one broker").doesNotContain("at dev.k6j");
        assertThat(badFormat.stderr()).contains("the format 'xml' is not json or influxdb");
        assertThat(noPassword.stderr()).contains("user and password are required when auth mechanism is provided");
    }

    @Test
    void anUnreachableBrokerIsOneClearLineAtStartNotAHang() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long began = System.nanoTime();
        CliRun run = CliRun.of("run", "--out", "kafka=brokers=127.0.0.1:" + closedPort + ",topic=k6,deliveryTimeout=2s",
                "metrics.js");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("could not start the 'kafka' output: could not reach the Kafka brokers"
                + " 127.0.0.1:" + closedPort + " within 2000 ms").doesNotContain("at org.apache");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began)).isLessThan(30);
    }

    @Test
    void anOutputWhoseStartFailedStopsQuietly() throws Exception {
        KafkaOutputFactory factory = new KafkaOutputFactory();
        dev.k6j.spi.Output output = factory.create(dev.k6j.testkit.OutputTestKit.params(factory,
                "brokers=" + KAFKA.bootstrapServers() + ",topic=missing,deliveryTimeout=1s", java.util.Map.of(),
                java.util.Map.of(), Path.of("."), System.out));

        assertThatThrownBy(output::start).hasMessageContaining("the topic 'missing' does not exist");
        assertThatCode(output::stop).doesNotThrowAnyException();
    }

    @Test
    void aMissingTopicIsOneClearLineAtStart() throws Exception {
        CliRun run = CliRun.of("run", "--out", "kafka=brokers=" + KAFKA.bootstrapServers()
                + ",topic=no-such-topic,deliveryTimeout=2s", "metrics.js");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("the topic 'no-such-topic' does not exist on the Kafka brokers "
                + KAFKA.bootstrapServers() + " and they did not create it");
        assertThat(KAFKA.topics()).doesNotContain("no-such-topic");
    }

    @Test
    void versionListsTheOutput() {
        CliRun run = CliRun.of("version");

        assertThat(run.stdout() + run.stderr()).contains("kafka");
    }
}
