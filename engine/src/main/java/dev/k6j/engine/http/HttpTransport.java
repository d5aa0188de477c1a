package dev.k6j.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What every VU's HTTP connections share: the Netty event loops the https connections run on (one per core, daemon
 * threads, made when the first https connection is), a virtual-thread executor for the blocking bits (DNS lookups),
 * and a wheel timer (its own daemon thread) for the request timeouts. Plain http needs no event loop: its requests
 * run on the threads that make them. One per JVM, made on first use.
 */
final class HttpTransport {

    private static volatile HttpTransport shared;

    private volatile EventLoopGroup group;
    private final ExecutorService blocking;
    private final HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("k6j-http-timer", true),
            10, TimeUnit.MILLISECONDS, 512);

    private HttpTransport() {
        this.blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("k6j-dns-", 0).factory());
    }

    static HttpTransport shared() {
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

    /** A bootstrap for one Netty client connection, with the options every connection has. */
    Bootstrap bootstrap() {
        return new Bootstrap()
                .group(group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true);
    }

    private EventLoopGroup group() {
        EventLoopGroup loops = group;
        if (loops == null) {
            synchronized (this) {
                loops = group;
                if (loops == null) {
                    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
                    loops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("k6j-http", true),
                            NioIoHandler.newFactory());
                    group = loops;
                }
            }
        }
        return loops;
    }

    /**
     * Runs {@code task} after a delay, on the timer thread (request timeouts). A wheel timer, because adding a
     * timeout to it from a VU thread is a queue insert, where scheduling on an event loop would wake it up.
     */
    Timeout schedule(Runnable task, long delayNanos) {
        return timer.newTimeout(t -> task.run(), delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Where blocking work goes (virtual threads). */
    ExecutorService blocking() {
        return blocking;
    }
}
