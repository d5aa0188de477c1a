package dev.k6j.modules.tcp;

import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;

/**
 * How one write ended, and whether a failed write had sent part of its bytes first (xk6-tcp's
 * {@code tcp_partial_writes}). Netty reports progress as the socket takes bytes, for plain connections; through TLS
 * no progress is reported, so a failed TLS write never counts as partial.
 *
 * <p>Threads: Netty's event loop of the channel.
 */
abstract class WriteOutcome implements ChannelProgressiveFutureListener {

    private final long size;
    private long sent;

    WriteOutcome(long size) {
        this.size = size;
    }

    abstract void succeeded();

    abstract void failed(Throwable cause, boolean partly);

    @Override
    public final void operationProgressed(ChannelProgressiveFuture future, long progress, long total) {
        sent = progress;
    }

    @Override
    public final void operationComplete(ChannelProgressiveFuture future) {
        if (future.isSuccess()) {
            succeeded();
        } else {
            failed(future.cause(), sent > 0 && sent < size);
        }
    }
}
