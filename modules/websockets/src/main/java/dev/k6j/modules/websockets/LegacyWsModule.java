package dev.k6j.modules.websockets;

import dev.k6j.spi.Exports;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.ModuleInstance;
import dev.k6j.spi.Vu;
import java.util.List;
import org.graalvm.polyglot.Source;

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
public final class LegacyWsModule implements JsModule {

    private final Source glue = Glue.load("ws.js");
    private final WebSocketClient client = new WebSocketClient();

    @Override
    public String name() {
        return "k6/x/ws";
    }

    @Override
    public List<String> aliases() {
        return List.of("k6/ws");
    }

    @Override
    public ModuleInstance newInstance(Vu vu) {
        Exports exports = Glue.exports(vu, glue, new LegacyWs(vu, client, WsMetrics.register(vu.metrics())));
        return () -> exports;
    }
}
