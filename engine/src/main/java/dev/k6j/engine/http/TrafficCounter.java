package dev.k6j.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes one VU sent and received on all its connections, TLS records and headers included (what k6 counts in
 * {@code data_sent} and {@code data_received}). Each request takes what accumulated since the last one took.
 *
 * <p>Threads: round-trip threads and event loops add, any thread takes.
 */
final class TrafficCounter {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final Handler handler = new Handler();

    /** Bytes a socket connection sent (the Netty connections count through {@link #handler()}). */
    void addSent(long bytes) {
        sent.addAndGet(bytes);
    }

    /** Bytes a socket connection received. */
    void addReceived(long bytes) {
        received.addAndGet(bytes);
    }

    long takeSent() {
        return sent.getAndSet(0);
    }

    long takeReceived() {
        return received.getAndSet(0);
    }

    /** The handler to put first in each connection's pipeline. Shareable: it only adds to atomics. */
    ChannelHandler handler() {
        return handler;
    }

    @ChannelHandler.Sharable
    private final class Handler extends ChannelDuplexHandler {
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
}
