package dev.k6j.engine.http;

import io.netty.handler.codec.http.FullHttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code httpDebug}: prints each request and response the way k6 does ({@code Request:} / {@code Response:} dumps),
 * with bodies when the option is {@code full}. Any thread.
 */
final class HttpDebug {

    private HttpDebug() {
    }

    static void request(HttpClient client, FullHttpRequest request, byte[] body, String mode) {
        StringBuilder out = new StringBuilder("Request:\n");
        out.append(request.method()).append(' ').append(request.uri()).append(" HTTP/1.1\n");
        request.headers().forEach(h -> out.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        out.append('\n');
        if (mode.equals("full") && body != null) {
            out.append(new String(body, StandardCharsets.UTF_8)).append('\n');
        }
        client.log.log("info", out.toString());
    }

    static void response(HttpClient client, RawResponse response, String mode) {
        StringBuilder out = new StringBuilder("Response:\n");
        out.append(response.proto()).append(' ').append(response.status()).append(' ').append(response.reason())
                .append('\n');
        for (Map.Entry<String, String> header : response.headers()) {
            out.append(HeaderNames.canonical(header.getKey())).append(": ").append(header.getValue()).append('\n');
        }
        out.append('\n');
        if (mode.equals("full") && response.body() != null) {
            out.append(new String(response.body(), StandardCharsets.UTF_8)).append('\n');
        }
        client.log.log("info", out.toString());
    }
}
