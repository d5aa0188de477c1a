package dev.k6j.modules.websockets;

import dev.k6j.spi.Exports;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.ModuleInstance;
import dev.k6j.spi.Vu;
import java.util.List;
import org.graalvm.polyglot.Source;

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
public final class WebSocketsModule implements JsModule {

    private final Source glue = Glue.load("websockets.js");
    private final WebSocketClient client = new WebSocketClient();

    @Override
    public String name() {
        return "k6/x/websockets";
    }

    @Override
    public List<String> aliases() {
        return List.of("k6/websockets", "k6/experimental/websockets");
    }

    @Override
    public ModuleInstance newInstance(Vu vu) {
        WebSocketsApi api = new WebSocketsApi(vu, client, WsMetrics.register(vu.metrics()));
        Exports exports = Glue.exports(vu, glue, api);
        return () -> exports;
    }
}
