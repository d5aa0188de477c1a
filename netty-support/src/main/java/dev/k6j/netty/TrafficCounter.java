package dev.k6j.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes on the wire of the connections whose pipelines it heads (TLS records and handshakes included):
 * what k6 reports as {@code data_sent} and {@code data_received}. Put it first, before any TLS handler. One counter
 * may serve one connection or many (it is {@link ChannelHandler.Sharable}).
 *
 * <pre>{@code
 * TrafficCounter traffic = new TrafficCounter();
 * channel.pipeline().addFirst("k6j-traffic", traffic);
 * ...
 * vu.emit(new Sample(dataSent, now, traffic.takeSent(), tags, metadata));
 * }</pre>
 *
 * <p>A connection outside Netty (k6/http's blocking sockets) counts with {@link #addSent} and {@link #addReceived}.
 *
 * <p>Threads: event loops and sockets' threads add; any thread takes.
 */
@ChannelHandler.Sharable
public final class TrafficCounter extends ChannelDuplexHandler {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    /** Bytes a connection sent. */
    public void addSent(long bytes) {
        sent.addAndGet(bytes);
    }

    /** Bytes a connection received. */
    public void addReceived(long bytes) {
        received.addAndGet(bytes);
    }

    /** Bytes sent since the last call. */
    public long takeSent() {
        return sent.getAndSet(0);
    }

    /** Bytes received since the last call. */
    public long takeReceived() {
        return received.getAndSet(0);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        addReceived(size(msg));
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        addSent(size(msg));
        ctx.write(msg, promise);
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf buf) {
            return buf.readableBytes();
        }
        return 0;
    }
}
