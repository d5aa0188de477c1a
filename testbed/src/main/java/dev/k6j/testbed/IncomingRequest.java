package dev.k6j.testbed;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request as the endpoints see it: read from the aggregated Netty request on the event loop.
 *
 * @param netty             the aggregated request (valid during the handler call only)
 * @param method            e.g. {@code GET}
 * @param path              the decoded path, e.g. {@code /status/404}
 * @param query             query parameters
 * @param body              the body bytes
 * @param proto             {@code HTTP/1.1} or {@code HTTP/2.0}
 * @param scheme            {@code http} or {@code https}
 * @param origin            the client's IP address
 * @param clientCertificate the subject of the client's certificate, or {@code null}
 */
record IncomingRequest(FullHttpRequest netty, String method, String path, Map<String, List<String>> query,
                       byte[] body, String proto, String scheme, String origin, String clientCertificate) {

    static IncomingRequest of(FullHttpRequest request, String proto, String scheme, String origin,
                              String clientCertificate) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        return new IncomingRequest(request, request.method().name(), decoder.path(), decoder.parameters(),
                ByteBufUtil.getBytes(request.content()), proto, scheme, origin, clientCertificate);
    }

    String header(CharSequence name) {
        return netty.headers().get(name);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a query parameter, or {@code null}. */
    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** {@code scheme://host[:port]} as the client addressed this server. */
    String base() {
        String host = header(HttpHeaderNames.HOST);
        if (host == null) {
            host = netty.headers().get(":authority", "127.0.0.1");
        }
        return scheme + "://" + host;
    }

    /** The full URL the client asked for. */
    String url() {
        return base() + netty.uri();
    }
}
