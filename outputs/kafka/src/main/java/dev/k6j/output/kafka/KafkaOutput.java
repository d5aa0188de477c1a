package dev.k6j.output.kafka;

import dev.k6j.spi.BufferedOutput;
import dev.k6j.spi.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * {@code --out kafka}: every sample as one record (no key) on a Kafka topic, in k6's JSON {@code Point} form or as
 * InfluxDB line protocol ({@link RecordFormat}).
 *
 * <p>Delivery ({@link BufferedOutput}): samples wait in a buffer (adding never blocks the engine); every push
 * interval the flusher encodes them and hands them to an idempotent, batching, compressing producer ({@link ClientProperties}),
 * which retries each record until the delivery timeout; the producer's acknowledgements and failures are counted
 * in a {@link KafkaReport}. If the producer cannot take a record within its {@code max.block.ms} (no metadata,
 * buffer full), the rest of that flush counts as failed instead of stalling on every record. {@link #stop()} sends
 * what is left, waits for the acknowledgements for at most the delivery timeout, and says in one line how many
 * samples were delivered and how many failed.
 *
 * <p>Threads: {@link #start} and {@link #stop} on the engine's runner thread; {@link #addMetricSamples} on its
 * ingester thread; sends on the flusher's thread (the last on the stopping thread); acknowledgements on the
 * producer's I/O thread.
 */
public final class KafkaOutput extends BufferedOutput {

    /** The longest the start check waits for the brokers. */
    static final Duration START_CHECK_TIMEOUT = Duration.ofSeconds(10);
    /** How many delivery failures are logged one by one before they are only counted. */
    private static final int FAILURES_LOGGED = 3;
    /**
     * The Kafka client logs its whole configuration at INFO and every reconnection attempt at WARN (through slf4j,
     * which the engine routes to java.util.logging); this output reports connection trouble in its own words, so
     * only the client's errors get through. Held here so the setting is not garbage-collected with the logger.
     */
    private static final java.util.logging.Logger KAFKA_CLIENT_LOG = quietKafkaClient();

    private final KafkaConfig config;
    private final RecordFormat format;
    private final KafkaReport report;
    private final StringBuilder text = new StringBuilder(256); // the flushing thread's only

    private volatile boolean failing;
    private volatile int failuresLogged;
    private Producer<byte[], byte[]> producer;

    public KafkaOutput(KafkaConfig config, System.Logger log) {
        this(config, log, RecordFormat.of(config));
    }

    /** An output writing its records with {@code format} (tests make encoding slow with it). */
    KafkaOutput(KafkaConfig config, System.Logger log, RecordFormat format) {
        this(config, log, format, new KafkaReport());
    }

    private KafkaOutput(KafkaConfig config, System.Logger log, RecordFormat format, KafkaReport report) {
        super(KafkaOutputFactory.NAME, config.pushInterval(), log, report);
        this.config = config;
        this.format = format;
        this.report = report;
    }

    @Override
    public String description() {
        return KafkaOutputFactory.NAME + " (" + config.format().text() + " to topic '" + config.topic() + "' on "
                + String.join(",", config.brokers()) + ")";
    }

    /**
     * Checks the brokers and the topic (bounded: an unreachable broker or a missing topic stops the run here with
     * one line), then starts the producer.
     */
    @Override
    protected void open() {
        Duration checkTimeout = config.deliveryTimeout().compareTo(START_CHECK_TIMEOUT) < 0
                ? config.deliveryTimeout() : START_CHECK_TIMEOUT;
        BrokerCheck.Topic topic = BrokerCheck.run(config, checkTimeout);
        producer = new KafkaProducer<>(ClientProperties.producer(config));
        if (topic == BrokerCheck.Topic.MISSING) {
            awaitTopicCreation();
        }
    }

    /** The brokers may create a missing topic on first use (auto.create.topics.enable); else it is an error. */
    private void awaitTopicCreation() {
        try {
            producer.partitionsFor(config.topic()); // waits at most max.block.ms
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw BrokerCheck.missingTopic(config);
        }
    }

    /** Sends what the producer holds and waits for the acknowledgements within the delivery timeout. */
    @Override
    protected void close() {
        // what is still out after the timeout fails
        producer.close(config.deliveryTimeout());
    }

    @Override
    protected String destination() {
        return "topic '" + config.topic() + "'";
    }

    @Override
    protected String summary() {
        return report.summary(config.topic(), config.format().text());
    }

    @Override
    protected System.Logger.Level summaryLevel() {
        return report.complete() ? System.Logger.Level.INFO : System.Logger.Level.WARNING;
    }

    @Override
    protected String noFailureReason() {
        return "no broker acknowledged them";
    }

    private static java.util.logging.Logger quietKafkaClient() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.apache.kafka");
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** What was delivered and what failed so far; for tests and the benchmark. */
    @Override
    public KafkaReport report() {
        return report;
    }

    @Override
    protected void deliver(List<Sample> samples, boolean last) {
        boolean stalled = false;
        String stallReason = null;
        for (Sample sample : samples) {
            if (stalled) {
                report.failed(1, stallReason);
                continue;
            }
            text.setLength(0);
            if (!format.append(text, sample)) {
                report.countUnencodable();
                continue;
            }
            byte[] value = text.toString().getBytes(StandardCharsets.UTF_8);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(config.topic(), null, sample.timeNanos()
                    / 1_000_000, null, value);
            Thread sender = Thread.currentThread();
            boolean[] refusedAtOnce = {false};
            try {
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        delivered();
                    } else {
                        if (Thread.currentThread() == sender && error instanceof TimeoutException) {
                            refusedAtOnce[0] = true; // no metadata or buffer space within max.block.ms
                        }
                        failed(error);
                    }
                });
            } catch (KafkaException | IllegalStateException e) {
                failed(e); // the producer is closed or broken: every later send would fail the same way
                refusedAtOnce[0] = true;
            }
            if (refusedAtOnce[0]) {
                stalled = true;
                stallReason = "not sent: the producer could not take more records ("
                        + (report.lastFailure() == null ? "unknown" : report.lastFailure()) + ")";
            }
        }
    }

    private void delivered() {
        report.delivered(1);
        if (failing) {
            failing = false;
            if (config.logError()) {
                log.log(System.Logger.Level.INFO, "deliveries to topic '" + config.topic() + "' work again");
            }
        }
    }

    private void failed(Exception error) {
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        report.failed(1, reason);
        if (!failing) {
            failing = true;
            if (config.logError() && failuresLogged < FAILURES_LOGGED) {
                failuresLogged++;
                log.log(System.Logger.Level.WARNING, "could not deliver samples to topic '" + config.topic() + "' on "
                        + String.join(",", config.brokers()) + ": " + reason
                        + (failuresLogged == FAILURES_LOGGED ? " (further failures are only counted)" : ""));
            }
        }
    }
}
