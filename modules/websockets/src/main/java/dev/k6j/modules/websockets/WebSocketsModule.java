package dev.k6j.modules.websockets;

import dev.k6j.spi.GlueModule;
import java.util.List;

/**
 * {@code k6/x/websockets}: k6's browser-style {@code k6/websockets} API ({@code WebSocket}, {@code Blob}), also
 * importable as {@code k6/websockets} and {@code k6/experimental/websockets} so k6 scripts run unchanged.
 *
 * <pre>{@code
 * import { WebSocket } from 'k6/websockets';
 * export default function () {
 *   const ws = new WebSocket('ws://127.0.0.1:16081/echo');
 *   ws.onopen = () => ws.send('hello');
 *   ws.onmessage = (e) => { console.log(e.data); ws.close(); };
 * }
 * }</pre>
 *
 * <p>Thread-safe: one object per test run; each VU gets its own {@link WebSocketsApi}.
 */
public final class WebSocketsModule extends GlueModule {

    public WebSocketsModule() {
        WebSocketClient client = new WebSocketClient();
        super("k6/x/websockets", List.of("k6/websockets", "k6/experimental/websockets"), "websockets.js",
                vu -> new WebSocketsApi(vu, client, WsMetrics.register(vu.metrics())));
    }
}
