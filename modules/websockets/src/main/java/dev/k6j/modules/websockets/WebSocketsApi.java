package dev.k6j.modules.websockets;

import dev.k6j.spi.Vu;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The host object of {@code k6/websockets} for one VU: opens sockets for the glue's {@code new WebSocket(...)} and
 * drops the ones still open when the VU's iteration is cut short.
 *
 * <p>Threads: the VU's thread only.
 */
public final class WebSocketsApi {

    private final Vu vu;
    private final WebSocketClient client;
    private final WsMetrics metrics;
    private final Set<BrowserSocket> open = new LinkedHashSet<>();

    WebSocketsApi(Vu vu, WebSocketClient client, WsMetrics metrics) {
        this.vu = vu;
        this.client = client;
        this.metrics = metrics;
        vu.eventLoop().addResetHook(this::abortAll);
    }

    /**
     * Opens a socket. Throws a JavaScript {@code Error} for a bad URL, and {@code SyntaxError} when used in the init
     * context (as browsers and k6 refuse what cannot work).
     *
     * @param dispatch the glue's event dispatcher for this socket
     */
    @HostAccess.Export
    public BrowserSocket open(String url, Value subprotocols, Value headers, Value tags, boolean compression,
                              String cookieHeader, Value dispatch) {
        if (vu.state().inInitStage()) {
            throw vu.jsError("Error", "using WebSocket in the init context is not supported");
        }
        URI uri;
        try {
            uri = Urls.parse(url);
        } catch (IllegalArgumentException e) {
            throw vu.jsError("SyntaxError", e.getMessage());
        }
        ConnectRequest request = Handshakes.request(vu, uri, JsValues.strings(headers), cookieHeader,
                JsValues.list(subprotocols), compression);
        Session session = new Session(vu, metrics, SessionTags.start(vu, url, JsValues.strings(tags)));
        BrowserSocket socket = new BrowserSocket(vu, session, dispatch, open::remove);
        open.add(socket);
        try {
            socket.start(client, request);
        } catch (IllegalArgumentException e) {
            open.remove(socket);
            socket.abort();
            throw vu.jsError("Error", e.getMessage());
        }
        return socket;
    }

    private void abortAll() {
        List<BrowserSocket> sockets = List.copyOf(open);
        open.clear();
        sockets.forEach(BrowserSocket::abort);
    }
}
