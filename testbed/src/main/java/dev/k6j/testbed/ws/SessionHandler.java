package dev.k6j.testbed.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import java.nio.charset.StandardCharsets;
import dev.k6j.testbed.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket session of the testbed: echoes messages, answers pings, runs the {@code !} commands and the
 * {@code subscribe} of {@code /broadcast} (see {@link WebSocketServer}).
 *
 * <p>Threads: the channel's event loop.
 */
final class SessionHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final WebSocketServerHandshaker handshaker;
    private final Broadcaster broadcaster;
    private final String requestHeaders;
    private final long broadcastInterval;
    private final long pingInterval;

    SessionHandler(WebSocketServerHandshaker handshaker, Broadcaster broadcaster, HttpHeaders headers,
                   long broadcastInterval, long pingInterval) {
        this.handshaker = handshaker;
        this.broadcaster = broadcaster;
        this.requestHeaders = json(headers);
        this.broadcastInterval = broadcastInterval;
        this.pingInterval = pingInterval;
    }

    /** The upgrade is done: start the server's pings if asked. */
    void opened(Channel channel) {
        if (pingInterval > 0) {
            channel.eventLoop().scheduleAtFixedRate(() -> {
                if (channel.isActive()) {
                    channel.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer("server", StandardCharsets.UTF_8)));
                }
            }, pingInterval, pingInterval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        switch (frame) {
            case TextWebSocketFrame text -> text(ctx, text);
            case BinaryWebSocketFrame binary -> ctx.writeAndFlush(binary.retainedDuplicate());
            case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            case CloseWebSocketFrame close -> handshaker.close(ctx.channel(), close.retain());
            default -> { }
        }
    }

    private void text(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        String text = frame.text();
        if (broadcastInterval > 0 && text.equals("subscribe")) {
            broadcaster.subscribe(ctx.channel(), broadcastInterval);
        } else if (broadcastInterval > 0 && text.equals("unsubscribe")) {
            broadcaster.unsubscribe(ctx.channel());
        } else if (text.startsWith("!")) {
            command(ctx, text.substring(1).trim());
        } else {
            ctx.writeAndFlush(frame.retainedDuplicate());
        }
    }

    private void command(ChannelHandlerContext ctx, String command) {
        String[] words = command.split("\\s+", 3);
        switch (words[0]) {
            case "close" -> {
                int code = words.length > 1 ? Integer.parseInt(words[1]) : 1000;
                String reason = words.length > 2 ? words[2] : "";
                ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
            }
            case "drop" -> ctx.close();
            case "ping" -> {
                int count = words.length > 1 ? Integer.parseInt(words[1]) : 1;
                for (int i = 0; i < count; i++) {
                    ctx.write(new PingWebSocketFrame(Unpooled.copiedBuffer("server-" + i, StandardCharsets.UTF_8)));
                }
                ctx.flush();
            }
            case "headers" -> ctx.writeAndFlush(new TextWebSocketFrame(requestHeaders));
            case "binary" -> {
                int size = words.length > 1 ? Integer.parseInt(words[1]) : 16;
                ByteBuf bytes = ctx.alloc().buffer(size);
                for (int i = 0; i < size; i++) {
                    bytes.writeByte(i);
                }
                ctx.writeAndFlush(new BinaryWebSocketFrame(bytes));
            }
            default -> ctx.writeAndFlush(new TextWebSocketFrame("unknown command: " + command));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        broadcaster.unsubscribe(ctx.channel());
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** The request headers as a JSON object, lower-case names, values of repeated headers joined with ", ". */
    private static String json(HttpHeaders headers) {
        Map<String, String> object = new LinkedHashMap<>();
        for (String name : headers.names()) {
            object.put(name.toLowerCase(Locale.ROOT), String.join(", ", headers.getAll(name)));
        }
        return Json.write(object);
    }
}
