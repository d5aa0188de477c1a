package dev.k6j.engine.httpclient;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes one VU sent and received on all its connections, TLS records and headers included (what k6 counts in
 * {@code data_sent} and {@code data_received}). Each request takes what accumulated since the last one took.
 *
 * <p>Threads: round-trip threads add, any thread takes.
 */
final class TrafficCounter {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    /** Bytes a connection sent. */
    void addSent(long bytes) {
        sent.addAndGet(bytes);
    }

    /** Bytes a connection received. */
    void addReceived(long bytes) {
        received.addAndGet(bytes);
    }

    long takeSent() {
        return sent.getAndSet(0);
    }

    long takeReceived() {
        return received.getAndSet(0);
    }
}
