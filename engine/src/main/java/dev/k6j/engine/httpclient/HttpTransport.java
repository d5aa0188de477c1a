package dev.k6j.engine.httpclient;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What every VU's HTTP connections share: a virtual-thread executor for the blocking bits (DNS lookups, the frames
 * an aborted HTTP/2 stream sends) and a wheel timer (its own daemon thread) for the request timeouts. No event loop:
 * requests, http and https alike, run on the threads that make them. One per JVM, made on first use.
 */
public final class HttpTransport {

    private static volatile HttpTransport shared;

    private final ExecutorService blocking;
    private final HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("k6j-http-timer", true),
            10, TimeUnit.MILLISECONDS, 512);

    private HttpTransport() {
        this.blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("k6j-http-blocking-", 0).factory());
    }

    public static HttpTransport shared() {
        HttpTransport transport = shared;
        if (transport == null) {
            synchronized (HttpTransport.class) {
                transport = shared;
                if (transport == null) {
                    transport = new HttpTransport();
                    shared = transport;
                }
            }
        }
        return transport;
    }

    /**
     * Runs {@code task} after a delay, on the timer thread (request timeouts). A wheel timer, because adding a
     * timeout to it from a VU thread is a queue insert, with no thread to wake up.
     */
    Timeout schedule(Runnable task, long delayNanos) {
        return timer.newTimeout(t -> task.run(), delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Where blocking work goes (virtual threads). */
    ExecutorService blocking() {
        return blocking;
    }
}
