package dev.k6j.modules.tcp;

import dev.k6j.spi.Exports;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.ModuleInstance;
import dev.k6j.spi.Vu;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/x/tcp} module: exports {@code Socket}, as xk6-tcp does ({@code import { Socket } from 'k6/x/tcp'} or
 * {@code import tcp from 'k6/x/tcp'; new tcp.Socket()}). The glue {@code tcp.js} gives the JavaScript class; each
 * VU's {@link TcpSockets} opens the sockets.
 *
 * <p>Threads: one instance per run, shared by all VUs; {@link #newInstance} runs on each VU's thread.
 */
public final class TcpModule implements JsModule {

    private final Source glue = glue();

    @Override
    public String name() {
        return "k6/x/tcp";
    }

    @Override
    public ModuleInstance newInstance(Vu vu) {
        // Registered at import, as xk6-tcp does: thresholds on tcp_* metrics are valid before any socket opens.
        TcpMetrics metrics = TcpMetrics.register(vu.metrics());
        Value exports = vu.context().eval(glue).execute(new TcpSockets(vu, metrics, TcpTransport.shared()));
        Map<String, Object> named = new LinkedHashMap<>();
        for (String key : exports.getMemberKeys()) {
            named.put(key, exports.getMember(key));
        }
        Exports result = new Exports(exports, named);
        return () -> result;
    }

    private static Source glue() {
        try (InputStream in = TcpModule.class.getResourceAsStream("tcp.js")) {
            if (in == null) {
                throw new IllegalStateException("k6j-module-tcp: tcp.js is missing from the jar");
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), "k6/x/tcp")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("k6j-module-tcp: cannot read tcp.js", e);
        }
    }
}
