package dev.k6j.testbed;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Answers whole requests of one connection (HTTP/1.1) or one stream (HTTP/2) with {@link Routes}. Runs on the
 * connection's event loop; delays are scheduled there, never slept.
 */
final class EndpointHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final String proto;
    private final String scheme;

    EndpointHandler(String proto, String scheme) {
        this.proto = proto;
        this.scheme = scheme;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Reply reply;
        try {
            reply = Routes.route(IncomingRequest.of(request, proto, scheme, origin(ctx.channel()),
                    clientCertificate(ctx.channel())));
        } catch (RuntimeException e) {
            reply = Reply.text(500, "testbed error: " + e + "\n");
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.method().equals(io.netty.handler.codec.http.HttpMethod.HEAD)) {
            reply.body = new byte[0];
        }
        Reply ready = reply;
        if (reply.delayMillis > 0) {
            ctx.executor().schedule(() -> send(ctx, ready, keepAlive), reply.delayMillis, TimeUnit.MILLISECONDS);
        } else {
            send(ctx, reply, keepAlive);
        }
    }

    private void send(ChannelHandlerContext ctx, Reply reply, boolean keepAlive) {
        switch (reply.kind) {
            case CLOSE -> ctx.channel().close();
            case MALFORMED -> ctx.pipeline().firstContext()
                    .writeAndFlush(Unpooled.copiedBuffer("THIS IS NOT HTTP\r\n\r\n", StandardCharsets.US_ASCII))
                    .addListener(ChannelFutureListener.CLOSE);
            case NORMAL -> {
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reply.status,
                        Unpooled.wrappedBuffer(reply.body));
                response.headers().set(reply.headers);
                response.headers().set(HttpHeaderNames.CONTENT_LENGTH, reply.body.length);
                if (!proto.equals("HTTP/2.0")) {
                    HttpUtil.setKeepAlive(response, keepAlive);
                }
                ctx.writeAndFlush(response);
                if (reply.closeAfterMillis >= 0) {
                    ctx.executor().schedule(() -> ctx.channel().close(), reply.closeAfterMillis,
                            TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private static String origin(Channel channel) {
        Channel connection = channel instanceof Http2StreamChannel ? channel.parent() : channel;
        return connection.remoteAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() : "";
    }

    private static String clientCertificate(Channel channel) {
        Channel connection = channel instanceof Http2StreamChannel ? channel.parent() : channel;
        SslHandler ssl = connection.pipeline().get(SslHandler.class);
        if (ssl == null) {
            return null;
        }
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509
                    ? x509.getSubjectX500Principal().getName() : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
