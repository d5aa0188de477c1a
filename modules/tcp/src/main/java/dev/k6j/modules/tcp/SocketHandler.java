package dev.k6j.modules.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The last handler of a socket's pipeline: bytes read, idle timeouts, errors and the end of the connection, reported
 * to the {@link TcpSocket} that owns the channel. Reports start only once the socket took the channel (after the TLS
 * handshake), so a failed handshake is a connect error and never a {@code close}; bytes and the end of the
 * connection that come before that (a server that speaks first, or hangs up at once) are kept and reported then.
 *
 * <p>Threads: the channel's event loop.
 */
final class SocketHandler extends ChannelInboundHandlerAdapter {

    static final String NAME = "k6j-tcp-socket";
    private static final String IDLE = "k6j-tcp-idle";

    private TcpSocket owner;
    private List<byte[]> early = new ArrayList<>();
    private boolean closedEarly;

    /** From now on, events go to {@code socket}, starting with what came before. Call on the channel's event loop. */
    void attach(TcpSocket socket) {
        owner = socket;
        early.forEach(socket::received);
        early = null;
        if (closedEarly) {
            socket.inactive();
        }
    }

    /** Sets (or with 0 removes) the reader idle timeout of a socket's channel. Any thread. */
    static void idleTimeout(Channel channel, long millis) {
        channel.eventLoop().execute(() -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(IDLE) != null) {
                pipeline.remove(IDLE);
            }
            if (millis > 0 && pipeline.get(NAME) != null) {
                pipeline.addBefore(NAME, IDLE, new IdleStateHandler(millis, 0, 0, TimeUnit.MILLISECONDS));
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf buffer && buffer.isReadable()) {
                byte[] bytes = ByteBufUtil.getBytes(buffer);
                if (owner != null) {
                    owner.received(bytes);
                } else {
                    early.add(bytes);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        TcpSocket socket = owner;
        if (socket != null && event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            socket.idle();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        TcpSocket socket = owner;
        if (socket != null) {
            socket.failed(cause);
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.inactive();
        } else {
            closedEarly = true;
        }
    }
}
