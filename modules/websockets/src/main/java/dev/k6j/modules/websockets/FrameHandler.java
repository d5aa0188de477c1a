package dev.k6j.modules.websockets;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The last handler of a connection's pipeline: performs the opening handshake, then turns frames into
 * {@link ConnectionListener} events, answers pings, and runs the closing handshake from either side.
 *
 * <p>Threads: the channel's event loop only (including {@link #startClose} and {@link #connectFailed}, which
 * {@link Connection} calls through the event loop).
 */
final class FrameHandler extends SimpleChannelInboundHandler<Object> {

    /** k6's dialer gives the opening handshake 60 seconds. */
    private static final long HANDSHAKE_TIMEOUT_SECONDS = 60;
    /** How long we wait for the server's close frame after sending ours before closing the TCP connection. */
    private static final long CLOSE_TIMEOUT_SECONDS = 5;
    private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    static final int NO_STATUS = 1005;
    static final int ABNORMAL = 1006;

    private final WebSocketClientHandshaker handshaker;
    private final ConnectionListener listener;
    private final String address;
    private boolean finished;
    private boolean open;
    private boolean closeSent;
    private int closeCode = ABNORMAL;
    private String closeReason = "";
    private String error;
    /** When the upgrade was answered or failed ({@link System#nanoTime()}), for {@code ws_connecting}. */
    private volatile long answeredAt;

    FrameHandler(WebSocketClientHandshaker handshaker, ConnectionListener listener, String address) {
        this.handshaker = handshaker;
        this.listener = listener;
        this.address = address;
    }

    /** The TCP connection could not be made. */
    void connectFailed(Throwable cause) {
        fail("dial tcp " + address + ": " + ErrorMessages.describe(cause), null);
    }

    /** Sends our close frame; the server's answer (or a timeout) ends the connection. */
    void startClose(ChannelHandlerContext ctx, int code, String reason) {
        if (!open || closeSent) {
            return;
        }
        closeSent = true;
        closeCode = code;
        closeReason = reason;
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason));
        ctx.executor().schedule(() -> ctx.close(), CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Sends our close frame and drops the connection right after, without waiting for the server's answer (what
     * k6's {@code socket.close()} in {@code k6/ws} does).
     */
    void closeNow(ChannelHandlerContext ctx, int code) {
        if (!open || closeSent) {
            ctx.close();
            return;
        }
        closeSent = true;
        closeCode = code;
        ctx.writeAndFlush(new CloseWebSocketFrame(code, "")).addListener(f -> ctx.close());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        handshaker.handshake(ctx.channel()).addListener(sent -> {
            if (!sent.isSuccess()) {
                fail("websocket: " + ErrorMessages.describe(sent.cause()), null);
                ctx.close();
            }
        });
        ctx.executor().schedule(() -> {
            if (!handshaker.isHandshakeComplete()) {
                fail("websocket: handshake timed out after " + HANDSHAKE_TIMEOUT_SECONDS + "s", null);
                ctx.close();
            }
        }, HANDSHAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (!handshaker.isHandshakeComplete()) {
            finishHandshake(ctx, (FullHttpResponse) msg);
            return;
        }
        double now = nowMillis();
        switch (msg) {
            case TextWebSocketFrame text -> listener.text(text.text(), now);
            case BinaryWebSocketFrame binary -> listener.binary(ByteBufUtil.getBytes(binary.content()), now);
            case PingWebSocketFrame ping -> {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retainedDuplicate()));
                listener.ping(ByteBufUtil.getBytes(ping.content()));
            }
            case PongWebSocketFrame pong -> listener.pong(ByteBufUtil.getBytes(pong.content()));
            case CloseWebSocketFrame close -> closeFrame(ctx, close);
            default -> { }
        }
    }

    private void finishHandshake(ChannelHandlerContext ctx, FullHttpResponse response) {
        answeredAt = System.nanoTime();
        HandshakeResult result = HandshakeResult.of(response);
        if (result.status() != 101) {
            fail("websocket: bad handshake (HTTP status " + result.status() + ")", result);
            ctx.close();
            return;
        }
        try {
            handshaker.finishHandshake(ctx.channel(), response);
        } catch (WebSocketHandshakeException e) {
            fail("websocket: bad handshake: " + e.getMessage(), result);
            ctx.close();
            return;
        }
        ctx.pipeline().addBefore(ctx.name(), "k6j-ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
        finished = true;
        open = true;
        listener.opened(result);
    }

    private void closeFrame(ChannelHandlerContext ctx, CloseWebSocketFrame frame) {
        int code = frame.statusCode() < 0 ? NO_STATUS : frame.statusCode();
        String reason = frame.statusCode() < 0 ? "" : frame.reasonText();
        if (!closeSent) {
            // The server started closing: echo its code, as RFC 6455 asks, then wait for it to drop TCP.
            closeSent = true;
            ctx.writeAndFlush(new CloseWebSocketFrame(code == NO_STATUS ? 1000 : code, ""))
                    .addListener(f -> ctx.close());
        } else {
            ctx.close();
        }
        closeCode = code;
        closeReason = reason;
        if (code != 1000 && code != 1001 && code != NO_STATUS) {
            error = "websocket: close " + code + ErrorMessages.closeCodeText(code) + (reason.isEmpty() ? ""
                    : ": " + reason);
        }
        if (code == NO_STATUS) {
            // k6 reports a close without a status as a normal close
            closeCode = 1000;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!finished) {
            fail("websocket: the server closed the connection during the handshake", null);
        } else if (open) {
            open = false;
            if (closeCode == ABNORMAL && error == null) {
                error = "websocket: close 1006 (abnormal closure): unexpected EOF";
            }
            listener.closed(closeCode, closeReason, error);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!finished) {
            fail("websocket: " + ErrorMessages.describe(cause), null);
        } else if (error == null) {
            error = "websocket: " + ErrorMessages.describe(cause);
        }
        ctx.close();
    }

    private void fail(String message, HandshakeResult handshake) {
        if (!finished) {
            finished = true;
            if (answeredAt == 0) {
                answeredAt = System.nanoTime();
            }
            listener.failed(message, handshake);
        }
    }

    /** When the upgrade was answered or failed, on the Netty thread; 0 before. Any thread. */
    long answeredAt() {
        return answeredAt;
    }

    private static double nowMillis() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
    }

}
