package dev.k6j.modules.websockets;

import dev.k6j.spi.GlueModule;
import java.util.List;

/**
 * {@code k6/x/ws}: k6's legacy, blocking {@code k6/ws} API ({@code ws.connect(url, params, socket => ...)}), also
 * importable as {@code k6/ws}. It shares the Netty client, metrics and session code with {@link WebSocketsModule}.
 *
 * <pre>{@code
 * import ws from 'k6/ws';
 * export default function () {
 *   const res = ws.connect('ws://127.0.0.1:16081/echo', null, (socket) => {
 *     socket.on('open', () => socket.send('hello'));
 *     socket.on('message', (msg) => socket.close());
 *   });
 * }
 * }</pre>
 *
 * <p>Thread-safe: one object per test run; each VU gets its own {@link LegacyWs}.
 */
public final class LegacyWsModule extends GlueModule {

    public LegacyWsModule() {
        WebSocketClient client = new WebSocketClient();
        super("k6/x/ws", List.of("k6/ws"), "ws.js",
                vu -> new LegacyWs(vu, client, WsMetrics.register(vu.metrics())));
    }
}
