package dev.k6j.testbed.ws;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Answers the HTTP upgrade request: {@code /echo} and {@code /broadcast} become WebSocket sessions
 * ({@link SessionHandler}); any other path, or a request that is no upgrade, gets a plain 404 or 400.
 *
 * <p>Threads: the channel's event loop.
 */
final class UpgradeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private final Broadcaster broadcaster;
    private final boolean secure;

    UpgradeHandler(Broadcaster broadcaster, boolean secure) {
        this.broadcaster = broadcaster;
        this.secure = secure;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        if (!path.equals("/echo") && !path.equals("/broadcast")) {
            reply(ctx, HttpResponseStatus.NOT_FOUND, "no WebSocket endpoint at " + path + " (try /echo or /broadcast)");
            return;
        }
        String location = (secure ? "wss://" : "ws://") + request.headers().get(HttpHeaderNames.HOST) + path;
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(location, "chat,superchat", true,
                MAX_FRAME_BYTES).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
            reply(ctx, HttpResponseStatus.BAD_REQUEST, "not a WebSocket upgrade request");
            return;
        }
        SessionHandler session = new SessionHandler(handshaker, broadcaster, request.headers(),
                path.equals("/broadcast") ? number(uri, "interval", 100) : 0, number(uri, "ping", 0));
        ctx.pipeline().replace(this, "ws-session", session);
        handshaker.handshake(ctx.channel(), request).addListener(done -> {
            if (done.isSuccess()) {
                session.opened(ctx.channel());
            } else {
                ctx.close();
            }
        });
    }

    private static long number(QueryStringDecoder uri, String name, long fallback) {
        List<String> values = uri.parameters().get(name);
        try {
            return values == null || values.isEmpty() ? fallback : Math.max(0, Long.parseLong(values.get(0)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void reply(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
