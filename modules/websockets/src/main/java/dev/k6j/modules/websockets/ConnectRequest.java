package dev.k6j.modules.websockets;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.List;

/**
 * What to connect to and how: a parsed {@code ws://} or {@code wss://} URL, the handshake's extra headers, the
 * subprotocols to offer and whether to ask for permessage-deflate. Immutable once built.
 *
 * @param uri          the URL
 * @param headers      headers for the upgrade request (User-Agent, Cookie, the script's)
 * @param subprotocols the {@code Sec-WebSocket-Protocol} values to offer; may be empty
 * @param compression  whether to offer permessage-deflate
 */
record ConnectRequest(URI uri, HttpHeaders headers, List<String> subprotocols, boolean compression) {

    ConnectRequest {
        subprotocols = List.copyOf(subprotocols);
    }

    boolean secure() {
        return "wss".equalsIgnoreCase(uri.getScheme());
    }

    String host() {
        return uri.getHost();
    }

    int port() {
        return uri.getPort() > 0 ? uri.getPort() : secure() ? 443 : 80;
    }

    /** {@code host:port}, as Go's dialer names it in errors. */
    String address() {
        String host = host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }
}
