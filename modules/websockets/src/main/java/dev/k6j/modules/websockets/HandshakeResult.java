package dev.k6j.modules.websockets;

import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's answer to the upgrade request: {@code 101} on success, anything else when the upgrade was refused.
 * Immutable.
 *
 * @param status      the HTTP status code
 * @param headers     the response headers, each name with all its values, in arrival order
 * @param body        the response body as text (empty for a 101)
 * @param subprotocol the subprotocol the server chose, or empty
 * @param extensions  the {@code Sec-WebSocket-Extensions} values the server answered with
 */
record HandshakeResult(int status, Map<String, List<String>> headers, String body, String subprotocol,
                       List<String> extensions) {

    HandshakeResult {
        headers = Map.copyOf(headers);
        extensions = List.copyOf(extensions);
    }

    static HandshakeResult of(FullHttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().forEach(h -> headers.computeIfAbsent(canonical(h.getKey()), k -> new ArrayList<>())
                .add(h.getValue()));
        String subprotocol = response.headers().get("Sec-WebSocket-Protocol", "");
        return new HandshakeResult(response.status().code(), headers,
                response.content().toString(StandardCharsets.UTF_8), subprotocol,
                response.headers().getAll("Sec-WebSocket-Extensions"));
    }

    /** Header values joined with {@code ", "}, by canonical name, as k6 returns them to scripts. */
    Map<String, String> joinedHeaders() {
        Map<String, String> joined = new LinkedHashMap<>();
        headers.forEach((name, values) -> joined.put(name, String.join(", ", values)));
        return joined;
    }

    /** Go's canonical header name form: {@code sec-websocket-accept} becomes {@code Sec-Websocket-Accept}. */
    private static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
