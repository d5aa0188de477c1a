package dev.k6j.modules.tcp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What every VU's sockets share: Netty event loops (one per core, daemon threads) that only move bytes, a
 * virtual-thread executor for the blocking part (DNS lookups), and the TLS contexts. One per JVM, made on first use.
 */
final class TcpTransport {

    private static volatile TcpTransport shared;

    private final EventLoopGroup group;
    private final ExecutorService blocking;
    private final ClientTls tls = new ClientTls();

    private TcpTransport() {
        this.group = new MultiThreadIoEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("k6j-tcp", true), NioIoHandler.newFactory());
        this.blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("k6j-tcp-dns-", 0).factory());
    }

    static TcpTransport shared() {
        TcpTransport transport = shared;
        if (transport == null) {
            synchronized (TcpTransport.class) {
                transport = shared;
                if (transport == null) {
                    transport = new TcpTransport();
                    shared = transport;
                }
            }
        }
        return transport;
    }

    /** A bootstrap for one socket. */
    Bootstrap bootstrap() {
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
    }

    ExecutorService blocking() {
        return blocking;
    }

    ClientTls tls() {
        return tls;
    }
}
