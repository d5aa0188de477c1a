package dev.k6j.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Netty event loops every VU's HTTP connections share, one per core, on daemon threads, plus a virtual-thread
 * executor for the blocking bits (DNS lookups). Event loops only move bytes and complete futures; nothing blocks
 * them. One per JVM, made on first use.
 */
final class HttpTransport {

    private static volatile HttpTransport shared;

    private final EventLoopGroup group;
    private final ExecutorService blocking;

    private HttpTransport() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("k6j-http", true),
                NioIoHandler.newFactory());
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

    /** A bootstrap for one client connection, with the options every connection has. */
    Bootstrap bootstrap() {
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true);
    }

    /** Runs {@code task} on an event loop after a delay (for request timeouts). */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return group.next().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Where blocking work goes (virtual threads). */
    ExecutorService blocking() {
        return blocking;
    }
}
