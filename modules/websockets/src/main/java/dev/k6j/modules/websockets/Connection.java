package dev.k6j.modules.websockets;

import dev.k6j.netty.TrafficCounter;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * One WebSocket connection, as the VU drives it: send, ping, close, and the byte counts for the traffic metrics.
 * Writes queue in Netty; {@link #bufferedAmount()} says how many payload bytes are still waiting.
 *
 * <p>Threads: any thread may call it (Netty's channel is thread-safe); the VU's thread does.
 */
final class Connection {

    private final Channel channel;
    private final FrameHandler frames;
    private final TrafficCounter traffic;
    private final AtomicLong buffered = new AtomicLong();

    Connection(Channel channel, FrameHandler frames, TrafficCounter traffic) {
        this.channel = channel;
        this.frames = frames;
        this.traffic = traffic;
    }

    /**
     * Sends a text message; {@code written} gets its size once it is on the wire (not if the connection failed).
     */
    void sendText(String text, LongConsumer written) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        send(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)), bytes.length, written);
    }

    /** Sends a binary message. */
    void sendBinary(byte[] data, LongConsumer written) {
        send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data)), data.length, written);
    }

    /** Sends a ping with this payload. */
    void ping(byte[] payload) {
        channel.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(payload)));
    }

    /** Starts the closing handshake. */
    void close(int code, String reason) {
        channel.eventLoop().execute(() -> {
            ChannelHandlerContext ctx = channel.pipeline().context(frames);
            if (ctx != null) {
                frames.startClose(ctx, code, reason);
            }
        });
    }

    /** Sends a close frame and drops the connection once it is written. */
    void closeNow(int code) {
        channel.eventLoop().execute(() -> {
            ChannelHandlerContext ctx = channel.pipeline().context(frames);
            if (ctx != null) {
                frames.closeNow(ctx, code);
            } else {
                channel.close();
            }
        });
    }

    /** Runs {@code task} on the connection's Netty thread after {@code millis}; cancelled when closed. */
    java.util.concurrent.Future<?> schedule(Runnable task, double millis, boolean repeat) {
        long nanos = Math.max(1, (long) (millis * 1e6));
        return repeat
                ? channel.eventLoop().scheduleAtFixedRate(task, nanos, nanos, java.util.concurrent.TimeUnit.NANOSECONDS)
                : channel.eventLoop().schedule(task, nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Drops the TCP connection at once, without a closing handshake (the VU is stopping). */
    void abort() {
        channel.close();
    }

    /** When the upgrade was answered or failed ({@link System#nanoTime()}); 0 before. */
    long answeredAtNanos() {
        return frames.answeredAt();
    }

    /** Payload bytes given to {@code send*} and not yet written. */
    long bufferedAmount() {
        return buffered.get();
    }

    /** Bytes sent on the wire since the last call. */
    long takeBytesSent() {
        return traffic.takeSent();
    }

    /** Bytes received on the wire since the last call. */
    long takeBytesReceived() {
        return traffic.takeReceived();
    }

    private void send(WebSocketFrame frame, long size, LongConsumer written) {
        buffered.addAndGet(size);
        channel.writeAndFlush(frame).addListener(done -> {
            buffered.addAndGet(-size);
            if (done.isSuccess()) {
                written.accept(size);
            }
        });
    }
}
