package dev.k6j.output.kafka;

import dev.k6j.spi.DeliveryReport;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the output delivered and what it did not, and why: the SPI's {@link DeliveryReport} (a sample is delivered
 * when the brokers acknowledged its record; with {@code acks=all}, every in-sync replica has it) with what Kafka
 * adds: samples the format cannot write, and samples still unacknowledged when the producer closed.
 *
 * <p>Threads: received and unencodable counts on the flushing thread; deliveries and failures on the Kafka
 * producer's I/O thread (or the flushing thread, for a record the producer refused at once); reading from any
 * thread.
 */
final class KafkaReport extends DeliveryReport {

    private final AtomicLong unencodable = new AtomicLong();

    void countUnencodable() {
        unencodable.incrementAndGet();
    }

    long unencodable() {
        return unencodable.get();
    }

    /** Samples neither delivered nor failed nor refused by the format: still unacknowledged when the output closed. */
    long unconfirmed() {
        return Math.max(0, received() - delivered() - failed() - unencodable());
    }

    /** Whether every sample received was delivered. */
    boolean complete() {
        return delivered() == received();
    }

    /**
     * The closing line, e.g. {@code "delivered 12,400 of 12,400 samples to topic 'k6' (json)"} or
     * {@code "delivered 9,100 of 12,400 samples to topic 'k6' (json); 3,300 failed (last: …)"}.
     */
    String summary(String topic, String format) {
        StringBuilder line = new StringBuilder("delivered ").append(count(delivered())).append(" of ")
                .append(count(received())).append(" samples to topic '").append(topic).append("' (").append(format)
                .append(')');
        if (failed() > 0) {
            line.append("; ").append(count(failed())).append(" failed (last: ").append(lastFailure()).append(')');
        }
        if (unencodable() > 0) {
            line.append("; ").append(count(unencodable())).append(" not written: NaN or infinite values have no ")
                    .append(format).append(" form");
        }
        if (unconfirmed() > 0) {
            line.append("; ").append(count(unconfirmed())).append(" not acknowledged when the output closed");
        }
        return line.toString();
    }
}
