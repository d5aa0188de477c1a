package dev.k6j.testbed.tcp;

import dev.k6j.testbed.TestCertificates;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * The raw TCP servers of the testbed: an echo server, the same echo behind TLS (the testbed's certificates, made at
 * start), and a {@link ChaosHandler chaos server} that closes, resets, stalls or sends on command. All on 127.0.0.1
 * by default; port 0 picks a free port, -1 leaves that server off.
 *
 * <pre>{@code
 * try (TcpTestbed tcp = TcpTestbed.start()) {
 *     int echo = tcp.echoPort();
 * }
 * }</pre>
 *
 * <p>Threads: its own Netty event loops (daemon threads); {@link #close()} from any thread.
 */
public final class TcpTestbed implements AutoCloseable {

    /** Where to listen. A port of 0 picks a free one; -1 leaves that server off. */
    public record Ports(String host, int echo, int tlsEcho, int chaos) {
        public static final Ports FREE = new Ports("127.0.0.1", 0, 0, 0);
    }

    private final EventLoopGroup group;
    private final TestCertificates certificates;
    private final String host;
    private final Channel echo;
    private final Channel tlsEcho;
    private final Channel chaos;

    private TcpTestbed(Ports ports, TestCertificates certificates) throws InterruptedException, SSLException {
        this.host = ports.host();
        this.certificates = certificates;
        this.group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("k6j-testbed-tcp", true), NioIoHandler.newFactory());
        boolean started = false;
        try {
            SslContext tls = ports.tlsEcho() < 0 ? null : SslContextBuilder
                    .forServer(certificates.serverKey(), certificates.server(), certificates.ca()).build();
            echo = ports.echo() < 0 ? null : bind(ports.echo(), () -> EchoHandler.INSTANCE, null);
            tlsEcho = tls == null ? null : bind(ports.tlsEcho(), () -> EchoHandler.INSTANCE, tls);
            chaos = ports.chaos() < 0 ? null : bind(ports.chaos(), ChaosHandler::new, null);
            started = true;
        } finally {
            if (!started) {
                group.shutdownGracefully();
            }
        }
    }

    /** Starts every server on free ports of 127.0.0.1, with new certificates. */
    public static TcpTestbed start() {
        return start(Ports.FREE, TestCertificates.generate());
    }

    /** Starts the servers on the given ports; the TLS echo presents {@code certificates}' server certificate. */
    public static TcpTestbed start(Ports ports, TestCertificates certificates) {
        try {
            return new TcpTestbed(ports, certificates);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the TCP testbed", e);
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for the TCP testbed", e);
        }
    }

    private Channel bind(int port, Supplier<ChannelHandler> handler, SslContext tls) throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        if (tls != null) {
                            channel.pipeline().addLast(tls.newHandler(channel.alloc()));
                        }
                        channel.pipeline().addLast(handler.get());
                    }
                })
                .bind(new InetSocketAddress(host, port)).sync().channel();
    }

    /** The host the servers listen on. */
    public String host() {
        return host;
    }

    /** The echo server's port. */
    public int echoPort() {
        return port("echo", echo);
    }

    /** The TLS echo server's port (the certificate of {@link #certificates()}, for localhost and 127.0.0.1). */
    public int tlsEchoPort() {
        return port("tls echo", tlsEcho);
    }

    /** The chaos server's port (commands in {@link ChaosHandler}: close, reset, stall, reset-after N, send N). */
    public int chaosPort() {
        return port("chaos", chaos);
    }

    /** The certificates the TLS echo server uses. */
    public TestCertificates certificates() {
        return certificates;
    }

    private static int port(String name, Channel channel) {
        if (channel == null) {
            throw new IllegalStateException("the tcp " + name + " server is off");
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        for (Channel channel : new Channel[] {echo, tlsEcho, chaos}) {
            if (channel != null) {
                channel.close().awaitUninterruptibly();
            }
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
