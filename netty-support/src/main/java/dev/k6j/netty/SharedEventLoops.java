package dev.k6j.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The Netty event loops every extension of a test run shares: one group, one daemon thread per core, made on first
 * use, so sockets of several extensions (TCP, WebSockets, gRPC) don't each bring as many threads as there are cores,
 * and a test run leaves nothing to shut down. Event-loop threads only move bytes: hand work for the script to the
 * VU with {@link dev.k6j.spi.VuTaskQueue}.
 *
 * <pre>{@code
 * ChannelFuture connecting = SharedEventLoops.bootstrap(30_000)
 *         .handler(new MyInitializer())
 *         .connect(host, port);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class SharedEventLoops {

    private SharedEventLoops() {
    }

    private static final class Holder {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("k6j-netty", true), NioIoHandler.newFactory());
    }

    /** The shared group. */
    public static EventLoopGroup group() {
        return Holder.GROUP;
    }

    /**
     * A client bootstrap on the shared group: NIO sockets, {@code TCP_NODELAY} (as Go's dialer), and a connect
     * time-out (k6's dialer gives up after 30 s).
     */
    public static Bootstrap bootstrap(int connectTimeoutMillis) {
        return new Bootstrap()
                .group(group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis);
    }
}
