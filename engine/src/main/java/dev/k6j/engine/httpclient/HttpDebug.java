package dev.k6j.engine.httpclient;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code httpDebug}: prints each request and response the way k6 does ({@code Request:} / {@code Response:} dumps),
 * with bodies when the option is {@code full}. Any thread.
 */
final class HttpDebug {

    private HttpDebug() {
    }

    static void request(HttpClient client, WireRequest request, String mode) {
        StringBuilder out = new StringBuilder("Request:\n");
        out.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\n");
        request.headers().forEach((name, values) -> values.forEach(
                value -> out.append(name).append(": ").append(value).append('\n')));
        out.append('\n');
        if (mode.equals("full") && request.body() != null) {
            out.append(new String(request.body(), StandardCharsets.UTF_8)).append('\n');
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
