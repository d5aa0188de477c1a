package dev.k6j.output.kafka;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the output delivered and what it did not, and why: counted while it runs, told in one line at the end.
 * A sample is delivered when the brokers acknowledged its record (with {@code acks=all}: every in-sync replica
 * has it).
 *
 * <p>Threads: {@link #countReceived} and {@link #countUnencodable} on the flushing thread; {@link #countDelivered}
 * and {@link #countFailed} on the Kafka producer's I/O thread (or the flushing thread, for a record the producer refused at
 * once); reading from any thread.
 */
final class DeliveryReport {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unencodable = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    void countReceived(int samples) {
        received.addAndGet(samples);
    }

    void countDelivered() {
        delivered.incrementAndGet();
    }

    void countFailed(String reason) {
        failed.incrementAndGet();
        lastFailure.set(reason);
    }

    void countUnencodable() {
        unencodable.incrementAndGet();
    }

    long received() {
        return received.get();
    }

    long delivered() {
        return delivered.get();
    }

    long failed() {
        return failed.get();
    }

    long unencodable() {
        return unencodable.get();
    }

    String lastFailure() {
        return lastFailure.get();
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

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
