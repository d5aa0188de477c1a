package dev.k6j.modules.websockets;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first handler of a connection: counts the bytes on the wire (TLS records, handshake and frames included),
 * what k6 reports as {@code data_sent} and {@code data_received}.
 *
 * <p>Threads: the channel's event loop adds; any thread takes.
 */
final class TrafficCounter extends ChannelDuplexHandler {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    /** Bytes sent since the last call. */
    long takeSent() {
        return sent.getAndSet(0);
    }

    /** Bytes received since the last call. */
    long takeReceived() {
        return received.getAndSet(0);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            received.addAndGet(buf.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            sent.addAndGet(buf.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
