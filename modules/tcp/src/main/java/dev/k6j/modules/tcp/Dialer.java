package dev.k6j.modules.tcp;

import dev.k6j.spi.TestRun;
import dev.k6j.spi.TlsSettings;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import org.graalvm.polyglot.Value;

/**
 * Connects one socket: resolves the host ({@code tcp_socket_resolving}), dials and, with {@code tls}, shakes hands
 * ({@code tcp_socket_connecting}, as in xk6-tcp where the handshake is part of the dial), then hands the channel to
 * the socket or reports why not.
 *
 * <p>Threads: {@link #dial} on the VU's thread (it reads the TLS options there); the rest on a resolver thread and
 * the channel's event loop.
 */
final class Dialer {

    private final TcpSocket socket;
    private final TcpTransport transport;
    private final TestRun testRun;

    Dialer(TcpSocket socket, TcpTransport transport, TestRun testRun) {
        this.socket = socket;
        this.transport = transport;
        this.testRun = testRun;
    }

    void dial(ConnectTarget target, AddressResolver resolver, long idleMillis, Value resolve, Value reject) {
        SslContext tls;
        try {
            tls = target.tls() ? transport.tls().forHost(testRun.tls(), target.host()) : null;
        } catch (IllegalArgumentException e) {
            socket.connectFailed("TLS handshake failed: " + e.getMessage(), reject);
            return;
        }
        long resolving = System.nanoTime();
        resolver.resolve(target.host(), target.port(), transport.blocking()).whenComplete((address, failure) -> {
            socket.emit(socket.metrics().resolving(), millisSince(resolving), socket.tags());
            if (failure != null) {
                socket.connectFailed(SocketErrors.describe(failure, null, target.host()), reject);
                return;
            }
            socket.resolved(address);
            connect(target, address, tls, idleMillis, resolve, reject);
        });
    }

    private void connect(ConnectTarget target, InetSocketAddress address, SslContext tls, long idleMillis,
                         Value resolve, Value reject) {
        SocketHandler handler = new SocketHandler();
        SslHandler handshake = tls == null ? null
                : tls.newHandler(ByteBufAllocator.DEFAULT, target.host(), target.port());
        long connecting = System.nanoTime();
        ChannelFuture connected = transport.bootstrap().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                if (handshake != null) {
                    channel.pipeline().addLast(handshake);
                }
                channel.pipeline().addLast(SocketHandler.NAME, handler);
                if (idleMillis > 0) {
                    SocketHandler.idleTimeout(channel, idleMillis);
                }
            }
        }).connect(address);
        connected.addListener((ChannelFuture dialed) -> {
            if (!dialed.isSuccess()) {
                socket.emit(socket.metrics().connecting(), millisSince(connecting), socket.tags());
                socket.connectFailed(SocketErrors.describe(dialed.cause(), address, target.host()), reject);
                return;
            }
            Channel channel = dialed.channel();
            if (handshake == null) {
                established(channel, handler, connecting, resolve, reject);
                return;
            }
            handshake.handshakeFuture().addListener(shaken -> {
                if (shaken.isSuccess()) {
                    established(channel, handler, connecting, resolve, reject);
                } else {
                    socket.emit(socket.metrics().connecting(), millisSince(connecting), socket.tags());
                    channel.close();
                    socket.connectFailed(SocketErrors.describe(shaken.cause(), address, target.host()), reject);
                }
            });
        });
    }

    /** On the channel's event loop: the {@code connect} event first, then what the server already did. */
    private void established(Channel channel, SocketHandler handler, long connecting, Value resolve, Value reject) {
        socket.emit(socket.metrics().connecting(), millisSince(connecting), socket.tags());
        socket.connected(channel, resolve, reject);
        handler.attach(socket);
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
