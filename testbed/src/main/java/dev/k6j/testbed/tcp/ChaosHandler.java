package dev.k6j.testbed.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A server that misbehaves on command, one command per line ({@code \n}), for tests of errors and timeouts:
 *
 * <ul>
 *   <li>{@code close} — closes the connection (FIN);</li>
 *   <li>{@code reset} — resets it (RST);</li>
 *   <li>{@code stall} — stops reading and never answers: the connection stays open and idle, and the client's
 *       writes back up;</li>
 *   <li>{@code reset-after N} — reads N more bytes, then resets (a write bigger than that fails part-way);</li>
 *   <li>{@code send N} — sends N bytes ({@code 0..255} repeated), then goes on reading commands.</li>
 * </ul>
 *
 * An unknown command is answered with {@code error: unknown command '…'} and a new line.
 *
 * <p>Threads: the connection's event loop; one instance per connection.
 */
final class ChaosHandler extends ChannelInboundHandlerAdapter {

    private final StringBuilder line = new StringBuilder();
    private long resetAfter = -1;
    private boolean stalled;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            ByteBuf in = (ByteBuf) msg;
            while (in.isReadable() && ctx.channel().isOpen() && !stalled) {
                if (resetAfter >= 0) {
                    int skip = (int) Math.min(resetAfter, in.readableBytes());
                    in.skipBytes(skip);
                    resetAfter -= skip;
                    if (resetAfter == 0) {
                        reset(ctx);
                    }
                    continue;
                }
                char c = (char) in.readByte();
                if (c == '\n') {
                    command(ctx, line.toString().trim());
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void command(ChannelHandlerContext ctx, String command) {
        String[] words = command.toLowerCase(Locale.ROOT).split("\\s+");
        switch (words[0]) {
            case "close" -> ctx.close();
            case "reset" -> reset(ctx);
            case "stall" -> {
                stalled = true;                      // what is already read is ignored too
                ctx.channel().config().setAutoRead(false);
            }
            case "reset-after" -> resetAfter = count(words);
            case "send" -> send(ctx, count(words));
            case "" -> { }
            default -> ctx.writeAndFlush(Unpooled.copiedBuffer("error: unknown command '" + command + "'\n",
                    StandardCharsets.UTF_8));
        }
    }

    private static long count(String[] words) {
        try {
            return words.length > 1 ? Math.max(0, Long.parseLong(words[1])) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void send(ChannelHandlerContext ctx, long count) {
        ByteBuf out = ctx.alloc().buffer((int) Math.min(count, 1 << 20));
        for (long i = 0; i < count; i++) {
            out.writeByte((int) (i & 0xff));
        }
        ctx.writeAndFlush(out);
    }

    private static void reset(ChannelHandlerContext ctx) {
        // SO_LINGER 0 makes close() send RST instead of FIN.
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
