package dev.k6j.output.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away for longer than the delivery timeout while a test runs, then comes back: what the brokers
 * acknowledged is all on the topic, what expired is counted and reported, and the run itself is not disturbed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BrokerRestartIT {

    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @TempDir
    Path work;

    @Test
    void nothingAcknowledgedIsLostAndFailuresAreReported() throws Exception {
        String topic = KAFKA.createTopic(2);
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
            try {
                awaitFirstRecords(topic);
                KAFKA.restartBroker(Duration.ofSeconds(5));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        KafkaRun run = KafkaRun.of(work, "brokers=" + KAFKA.bootstrapServers() + ",topic=" + topic
                + ",pushInterval=200ms,deliveryTimeout=2s", "-e", "DURATION=14s", "-e", "SLEEP=0.05");
        restart.get(30, TimeUnit.SECONDS);

        assertThat(run.cli().exitCode()).as(run.cli().all()).isZero();
        long[] counts = run.closingCounts(); // delivered, received, failed
        List<String> records = KAFKA.records(topic);
        records.forEach(Records::json);
        assertThat(counts[1]).as("the output received every sample").isEqualTo(run.points().size());
        assertThat(counts[2]).as("records expired while the broker was down").isPositive();
        assertThat(counts[0] + counts[2]).as("every sample is either delivered or failed").isEqualTo(counts[1]);
        assertThat(run.points()).as("every acknowledged record is on the topic").containsAll(records);
        assertThat((long) records.size()).isGreaterThanOrEqualTo(counts[0]).isLessThanOrEqualTo(counts[1]);
        assertThat(records).doesNotHaveDuplicates(); // idempotent: retries never write a record twice
        assertThat(run.cli().stderr())
                .contains("level=warning msg=\"could not deliver samples to topic '" + topic + "'")
                .contains("deliveries to topic '" + topic + "' work again")
                .containsPattern("kafka: delivered [0-9,]+ of [0-9,]+ samples to topic '" + topic
                        + "' \\(json\\); [0-9,]+ failed \\(last: ");
    }

    @Test
    void anOutputThatDeliveredNothingSaysSoAtTheEnd() throws Exception {
        String topic = KAFKA.createTopic(1);
        java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("k6j.output." + KafkaOutputFactory.NAME);
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record.getLevel() + ": " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        KafkaOutputFactory factory = new KafkaOutputFactory();
        dev.k6j.spi.Output output = factory.create(dev.k6j.testkit.OutputTestKit.params(factory,
                "brokers=" + KAFKA.bootstrapServers() + ",topic=" + topic + ",pushInterval=200ms,deliveryTimeout=2s",
                java.util.Map.of(), java.util.Map.of(), work, System.out));
        try {
            output.start(); // the broker is there at the start, then gone for the whole run
            CompletableFuture<Void> down = CompletableFuture.runAsync(() -> {
                try {
                    KAFKA.restartBroker(Duration.ofSeconds(8));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(2000);
            output.addMetricSamples(dev.k6j.testkit.OutputTestKit.samples(0, 20));
            output.stop();
            down.get(30, TimeUnit.SECONDS);
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(KAFKA.recordCount(topic)).isZero();
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("SEVERE: kafka delivered nothing: none of "
                + "the 20 samples reached topic '" + topic + "' (last failure: "));
    }

    private static void awaitFirstRecords(String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (KAFKA.recordCount(topic) > 0) {
                Thread.sleep(2000); // a while of normal delivery first
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("nothing arrived on " + topic + " within 30 s");
    }
}
