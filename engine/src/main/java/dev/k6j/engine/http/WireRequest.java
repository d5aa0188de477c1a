package dev.k6j.engine.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.Map;

/**
 * One round trip's request as it goes on the wire: method, request target ({@code /path?query}), headers in the
 * order they are sent ({@code Host} first) and the body. Plain immutable data, whichever connection carries it.
 *
 * @param method  e.g. {@code GET}
 * @param target  the request target of the request line
 * @param headers header name to values, in order
 * @param body    the bytes to send, or {@code null}
 */
record WireRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {

    /** The request as Netty's HTTP codecs take it (the TLS and HTTP/2 connections). */
    FullHttpRequest toNetty() {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), target,
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        headers.forEach((name, values) -> request.headers().add(name, values));
        return request;
    }
}
