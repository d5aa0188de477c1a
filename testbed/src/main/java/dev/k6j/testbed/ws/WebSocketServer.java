package dev.k6j.testbed.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import dev.k6j.testbed.TestCertificates;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The testbed's WebSocket server, for the {@code k6/websockets} and {@code k6/ws} tests, examples and benchmark.
 *
 * <ul>
 *   <li>{@code /echo}: sends every text and binary message back as it came.</li>
 *   <li>{@code /broadcast?interval=100}: a client that sends {@code subscribe} gets, every {@code interval}
 *       milliseconds, the same message as every other subscriber with that interval:
 *       {@code {"seq":N,"ts":<server time, ms since the epoch, fractional>,"subscribers":K}};
 *       {@code unsubscribe} stops it. Other messages are echoed.</li>
 *   <li>Commands on any path: {@code !close CODE [reason]} closes with that code, {@code !drop} drops the TCP
 *       connection without a close frame, {@code !ping [N]} sends N pings, {@code !headers} answers with the
 *       upgrade request's headers as JSON, {@code !binary N} answers with N binary bytes.</li>
 *   <li>{@code ?ping=MS} on any path: the server pings every MS milliseconds.</li>
 *   <li>Subprotocols {@code chat} and {@code superchat}, permessage-deflate when asked; other paths answer 404.</li>
 * </ul>
 *
 * <pre>{@code
 * try (WebSocketServer server = WebSocketServer.start("127.0.0.1", 0, null)) {
 *     String echo = server.url() + "/echo";                 // ws://127.0.0.1:41234/echo
 * }
 * }</pre>
 *
 * <p>Threads: its own Netty event loops (daemon threads); {@link #close()} from any thread.
 */
public final class WebSocketServer implements AutoCloseable {

    private final EventLoopGroup group;
    private final Broadcaster broadcaster;
    private final Channel channel;
    private final String host;
    private final boolean secure;

    private WebSocketServer(String host, int port, SslContext tls) throws InterruptedException {
        this.host = host;
        this.secure = tls != null;
        this.group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("k6j-testbed-ws", true), NioIoHandler.newFactory());
        this.broadcaster = new Broadcaster(group.next());
        boolean started = false;
        try {
            channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (tls != null) {
                                ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                            }
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1024 * 1024),
                                    deflate(),
                                    new UpgradeHandler(broadcaster, tls != null));
                        }
                    })
                    .bind(new InetSocketAddress(host, port)).sync().channel();
            started = true;
        } finally {
            if (!started) {
                group.shutdownGracefully();
            }
        }
    }

    /**
     * Starts listening on {@code host:port} (0 picks a free port).
     *
     * @param tls the server's TLS context for {@code wss://}, or {@code null} for {@code ws://}
     */
    public static WebSocketServer start(String host, int port, SslContext tls) {
        try {
            return new WebSocketServer(host, port, tls);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the WebSocket server", e);
        }
    }

    /** Starts a {@code wss://} server with the testbed's server certificate (signed by its test CA). */
    public static WebSocketServer startSecure(String host, int port, TestCertificates certificates) {
        try {
            return start(host, port, SslContextBuilder.forServer(certificates.serverKey(), certificates.server(),
                    certificates.ca()).build());
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for the WebSocket server", e);
        }
    }

    /**
     * permessage-deflate, also for clients that ask the server to drop its context between messages (gorilla, and
     * so k6, always do; Netty's default handler refuses them).
     */
    private static WebSocketServerExtensionHandler deflate() {
        return new WebSocketServerExtensionHandler(new PerMessageDeflateServerExtensionHandshaker(6,
                ZlibCodecFactory.isSupportingWindowSizeAndMemLevel(), 15, true, false, 0));
    }

    /** {@code ws://127.0.0.1:PORT} (or {@code wss://}). */
    public String url() {
        return (secure ? "wss" : "ws") + "://" + host + ":" + ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        broadcaster.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
