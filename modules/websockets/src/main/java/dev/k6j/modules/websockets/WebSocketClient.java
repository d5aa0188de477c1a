package dev.k6j.modules.websockets;

import dev.k6j.netty.ClientSslContexts;
import dev.k6j.netty.SharedEventLoops;
import dev.k6j.netty.TrafficCounter;
import dev.k6j.spi.TlsSettings;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketClientExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateClientExtensionHandshaker;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.NetUtil;

/**
 * Opens WebSocket connections for every VU of a test run: TCP connect, TLS for {@code wss://}, the HTTP/1.1 upgrade,
 * then frames. One per {@link WebSocketsModule}/{@link LegacyWsModule} object; the Netty threads are shared by all
 * the extensions' ({@link SharedEventLoops}), so a test run leaves nothing to shut down.
 *
 * <p>Threads: {@link #connect} from any thread; everything else happens on Netty's event loops.
 */
final class WebSocketClient {

    /** k6's dialer gives up connecting after 30 seconds. */
    private static final int DIAL_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 1024 * 1024;
    private static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private final ClientSslContexts tlsContexts = new ClientSslContexts();

    /**
     * Starts connecting. Events, including a failure to connect, arrive at {@code listener} on a Netty thread.
     *
     * @throws IllegalArgumentException if the TLS options cannot be used
     */
    Connection connect(ConnectRequest request, TlsSettings tls, ConnectionListener listener) {
        SslContext sslContext = request.secure() ? sslContext(tls, request.host()) : null;
        WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(request.uri(),
                WebSocketVersion.V13, request.subprotocols().isEmpty() ? null : String.join(",",
                        request.subprotocols()), true, request.headers(), MAX_FRAME_BYTES);
        TrafficCounter traffic = new TrafficCounter();
        FrameHandler frames = new FrameHandler(handshaker, listener, request.address());
        ChannelFuture connecting = SharedEventLoops.bootstrap(DIAL_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast("k6j-traffic", traffic);
                        if (sslContext != null) {
                            channel.pipeline().addLast("k6j-tls", tlsHandler(sslContext, channel, request));
                        }
                        channel.pipeline().addLast("k6j-http", new HttpClientCodec());
                        channel.pipeline().addLast("k6j-http-aggregator",
                                new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES));
                        if (request.compression()) {
                            channel.pipeline().addLast("k6j-ws-deflate", deflate());
                        }
                        channel.pipeline().addLast("k6j-ws", frames);
                    }
                })
                .connect(request.host(), request.port());
        connecting.addListener(connected -> {
            if (!connected.isSuccess()) {
                connecting.channel().eventLoop().execute(() -> frames.connectFailed(connected.cause()));
            }
        });
        return new Connection(connecting.channel(), frames, traffic);
    }

    private SslContext sslContext(TlsSettings tls, String host) {
        try {
            return tlsContexts.forHost(tls, host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tls: " + e.getMessage(), e);
        }
    }

    private static SslHandler tlsHandler(SslContext context, Channel channel, ConnectRequest request) {
        String host = request.host();
        boolean literal = NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host);
        SslHandler handler = literal ? context.newHandler(channel.alloc())
                : context.newHandler(channel.alloc(), host, request.port());
        handler.setHandshakeTimeoutMillis(0);
        return handler;
    }

    /** permessage-deflate with no context takeover either way, the only form k6 (gorilla/websocket) offers. */
    private static WebSocketClientExtensionHandler deflate() {
        return new WebSocketClientExtensionHandler(new PerMessageDeflateClientExtensionHandshaker(6,
                ZlibCodecFactory.isSupportingWindowSizeAndMemLevel(), 15, true, true, 0));
    }
}
