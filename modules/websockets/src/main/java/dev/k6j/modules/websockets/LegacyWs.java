package dev.k6j.modules.websockets;

import dev.k6j.spi.Vu;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The host object of {@code k6/ws} for one VU: {@code ws.connect} connects, runs the script's setup callback with
 * the socket, then blocks the VU in the socket's own loop until it closes, and returns k6's response object
 * ({@code url}, {@code status}, {@code headers}, {@code body}, {@code error}).
 *
 * <p>Threads: the VU's thread only.
 */
public final class LegacyWs {

    private final Vu vu;
    private final WebSocketClient client;
    private final WsMetrics metrics;

    LegacyWs(Vu vu, WebSocketClient client, WsMetrics metrics) {
        this.vu = vu;
        this.client = client;
        this.metrics = metrics;
    }

    /**
     * Connects and runs the session.
     *
     * @param setup the glue's function that wraps the {@link LegacySocket}, runs the script's callback with it and
     *              returns the dispatcher for its events
     */
    @HostAccess.Export
    public Value connect(String url, Value headers, Value tags, boolean compression, String cookieHeader,
                         Value setup) {
        if (vu.state().inInitStage()) {
            throw vu.jsError("Error", "using websockets in the init context is not supported");
        }
        Session session = new Session(vu, metrics, SessionTags.start(vu, url, JsValues.strings(tags)));
        BlockingLoop loop = new BlockingLoop();
        LegacySocket socket = new LegacySocket(vu, session, loop);
        URI uri;
        try {
            uri = Urls.parse(url);
            socket.start(client, Handshakes.request(vu, uri, JsValues.strings(headers), cookieHeader, List.of(),
                    compression));
        } catch (IllegalArgumentException e) {
            socket.failed(e.getMessage(), null);
            socket.end(false);
            return failedResponse(url, socket);
        }
        try {
            loop.runUntil(() -> socket.opened() || socket.failure() != null);
            if (socket.failure() != null) {
                socket.end(false);
                return failedResponse(url, socket);
            }
            socket.dispatchTo(setup.execute(socket));
            socket.fireOpen();
            loop.runUntil(socket::done);
        } catch (InterruptedException e) {
            // The VU is being stopped; the context interrupt that comes with it ends the script.
            Thread.currentThread().interrupt();
        } finally {
            socket.end(true);
        }
        return response(url, socket.handshake(), "");
    }

    private Value failedResponse(String url, LegacySocket socket) {
        Object throwOption = vu.testRun().options().get("throw");
        if (Boolean.TRUE.equals(throwOption)) {
            throw vu.jsError("Error", socket.failure());
        }
        vu.logger().log(System.Logger.Level.DEBUG, "ws.connect to " + url + " failed: " + socket.failure());
        return response(url, socket.handshake(), socket.failure());
    }

    private Value response(String url, HandshakeResult handshake, String error) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("url", url);
        response.put("status", handshake == null ? 0 : handshake.status());
        response.put("headers", handshake == null ? Map.of() : handshake.joinedHeaders());
        response.put("body", handshake == null ? "" : handshake.body());
        response.put("error", error);
        return vu.toJs(response);
    }
}
