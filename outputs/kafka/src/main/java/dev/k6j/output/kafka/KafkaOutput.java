package dev.k6j.output.kafka;

import dev.k6j.spi.Output;
import dev.k6j.spi.PeriodicFlusher;
import dev.k6j.spi.Sample;
import dev.k6j.spi.SampleBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * {@code --out kafka}: every sample as one record (no key) on a Kafka topic, in k6's JSON {@code Point} form or as
 * InfluxDB line protocol ({@link RecordFormat}).
 *
 * <p>Delivery: samples wait in a {@link SampleBuffer} (adding never blocks the engine); every push interval the
 * flusher encodes them and hands them to an idempotent, batching, compressing producer ({@link ClientProperties}),
 * which retries each record until the delivery timeout; the producer's acknowledgements and failures are counted
 * in a {@link DeliveryReport}. If the producer cannot take a record within its {@code max.block.ms} (no metadata,
 * buffer full), the rest of that flush counts as failed instead of stalling on every record. {@link #stop()} sends
 * what is left, waits for the acknowledgements for at most the delivery timeout, and says in one line how many
 * samples were delivered and how many failed.
 *
 * <p>Threads: {@link #start} and {@link #stop} on the engine's runner thread; {@link #addMetricSamples} on its
 * ingester thread; sends on the flusher's thread (the last on the stopping thread); acknowledgements on the
 * producer's I/O thread.
 */
public final class KafkaOutput implements Output {

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
    private final System.Logger log;
    private final RecordFormat format;
    private final SampleBuffer buffer = new SampleBuffer();
    private final DeliveryReport report = new DeliveryReport();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final StringBuilder text = new StringBuilder(256); // the flushing thread's only

    private volatile boolean stopping;
    private volatile boolean failing;
    private volatile int failuresLogged;
    private Producer<byte[], byte[]> producer;
    private PeriodicFlusher flusher;

    public KafkaOutput(KafkaConfig config, System.Logger log) {
        this(config, log, RecordFormat.of(config));
    }

    /** An output writing its records with {@code format} (tests make encoding slow with it). */
    KafkaOutput(KafkaConfig config, System.Logger log, RecordFormat format) {
        this.config = config;
        this.log = log;
        this.format = format;
    }

    @Override
    public String description() {
        return KafkaOutputFactory.NAME + " (" + config.format().text() + " to topic '" + config.topic() + "' on "
                + String.join(",", config.brokers()) + ")";
    }

    /**
     * Checks the brokers and the topic (bounded: an unreachable broker or a missing topic stops the run here with
     * one line), then starts the producer and the flusher.
     */
    @Override
    public void start() {
        if (stopped.get() || !started.compareAndSet(false, true)) {
            return;
        }
        Duration checkTimeout = config.deliveryTimeout().compareTo(START_CHECK_TIMEOUT) < 0
                ? config.deliveryTimeout() : START_CHECK_TIMEOUT;
        BrokerCheck.Topic topic = BrokerCheck.run(config, checkTimeout);
        producer = new KafkaProducer<>(ClientProperties.producer(config));
        if (topic == BrokerCheck.Topic.MISSING) {
            awaitTopicCreation();
        }
        flusher = PeriodicFlusher.start(config.pushInterval(), this::flush, "k6j-output-kafka");
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

    @Override
    public void addMetricSamples(List<Sample> samples) {
        if (!stopping) {
            buffer.add(samples);
        }
    }

    /** Sends what is left, waits for acknowledgements within the delivery timeout, and reports. Safe twice. */
    @Override
    public void stop() {
        if (!stopped.compareAndSet(false, true) || flusher == null) {
            return; // never started, or its start failed (and cleaned up after itself)
        }
        stopping = true;
        flusher.stop(); // ends the schedule, then one last flush on this thread
        // close() sends what the producer holds and waits for it; what is still out after the timeout fails
        producer.close(config.deliveryTimeout());
        String line = KafkaOutputFactory.NAME + ": " + report.summary(config.topic(), config.format().text());
        log.log(report.complete() ? System.Logger.Level.INFO : System.Logger.Level.WARNING, line);
        if (report.received() > 0 && report.delivered() == 0) {
            log.log(System.Logger.Level.ERROR, KafkaOutputFactory.NAME + " delivered nothing: none of the "
                    + report.received() + " samples reached topic '" + config.topic() + "' (last failure: "
                    + (report.lastFailure() != null ? report.lastFailure() : "no broker acknowledged them") + ")");
        }
    }

    private static java.util.logging.Logger quietKafkaClient() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.apache.kafka");
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** What was delivered and what failed so far; for tests and the benchmark. */
    DeliveryReport report() {
        return report;
    }

    private void flush() {
        List<Sample> samples = buffer.drain();
        report.countReceived(samples.size());
        boolean stalled = false;
        String stallReason = null;
        for (Sample sample : samples) {
            if (stalled) {
                report.countFailed(stallReason);
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
        report.countDelivered();
        if (failing) {
            failing = false;
            if (config.logError()) {
                log.log(System.Logger.Level.INFO, "deliveries to topic '" + config.topic() + "' work again");
            }
        }
    }

    private void failed(Exception error) {
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        report.countFailed(reason);
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
