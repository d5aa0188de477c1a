package dev.k6j.testbed;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLException;

/**
 * The local target servers: plain HTTP/1.1, HTTPS with HTTP/2 and HTTP/1.1 chosen by ALPN, and HTTPS that requires
 * a client certificate. All on 127.0.0.1; port 0 picks a free port.
 *
 * <pre>{@code
 * try (Testbed testbed = Testbed.start()) {
 *     String url = testbed.httpUrl() + "/get";          // http://127.0.0.1:41234/get
 * }
 * }</pre>
 *
 * <p>Threads: its own Netty event loops (daemon threads); {@link #close()} from any thread.
 */
public final class Testbed implements AutoCloseable {

    /** Where to listen. A port of 0 picks a free one; -1 leaves that server off. */
    public record Ports(String host, int http, int https, int mtls) {
        public static final Ports FREE = new Ports("127.0.0.1", 0, 0, 0);
    }

    private final EventLoopGroup group;
    private final TestCertificates certificates;
    private final Channel http;
    private final Channel https;
    private final Channel mtls;
    private final String host;

    private Testbed(Ports ports) throws InterruptedException, SSLException {
        this.host = ports.host();
        this.group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("k6j-testbed", true), NioIoHandler.newFactory());
        this.certificates = TestCertificates.generate();
        boolean started = false;
        try {
            http = ports.http() < 0 ? null : bind(ports.http(), new ServerChannelInitializer(null));
            https = ports.https() < 0 ? null : bind(ports.https(), new ServerChannelInitializer(tls(false)));
            mtls = ports.mtls() < 0 ? null : bind(ports.mtls(), new ServerChannelInitializer(tls(true)));
            started = true;
        } finally {
            if (!started) {
                group.shutdownGracefully();
            }
        }
    }

    /** Starts all servers on free ports of 127.0.0.1. */
    public static Testbed start() {
        return start(Ports.FREE);
    }

    /** Starts the servers on the given ports. */
    public static Testbed start(Ports ports) {
        try {
            return new Testbed(ports);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the testbed", e);
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for the testbed", e);
        }
    }

    private Channel bind(int port, ServerChannelInitializer initializer) throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(new InetSocketAddress(host, port)).sync().channel();
    }

    private SslContext tls(boolean requireClientCertificate) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forServer(certificates.serverKey(), certificates.server(),
                        certificates.ca())
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
        if (requireClientCertificate) {
            builder.trustManager(certificates.ca()).clientAuth(ClientAuth.REQUIRE);
        }
        return builder.build();
    }

    /** {@code http://127.0.0.1:PORT}: HTTP/1.1 in clear text. */
    public String httpUrl() {
        return url("http", http);
    }

    /** {@code https://127.0.0.1:PORT}: HTTP/2 or HTTP/1.1 (ALPN) with the testbed's self-signed certificate. */
    public String httpsUrl() {
        return url("https", https);
    }

    /** {@code https://127.0.0.1:PORT} that requires the client certificate of {@link #certificates()}. */
    public String mtlsUrl() {
        return url("https", mtls);
    }

    /** The certificates this testbed made. */
    public TestCertificates certificates() {
        return certificates;
    }

    private String url(String scheme, Channel channel) {
        if (channel == null) {
            throw new IllegalStateException(scheme + " server is off");
        }
        int port = ((InetSocketAddress) channel.localAddress()).getPort();
        return scheme + "://" + host + ":" + port;
    }

    @Override
    public void close() {
        for (Channel channel : new Channel[] {http, https, mtls}) {
            if (channel != null) {
                channel.close().awaitUninterruptibly();
            }
        }
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
