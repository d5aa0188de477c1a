package dev.k6j.modules.tcp;

import dev.k6j.spi.GlueModule;
import java.util.List;

/**
 * The {@code k6/x/tcp} module: exports {@code Socket}, as xk6-tcp does ({@code import { Socket } from 'k6/x/tcp'} or
 * {@code import tcp from 'k6/x/tcp'; new tcp.Socket()}). The glue {@code tcp.js} gives the JavaScript class; each
 * VU's {@link TcpSockets} opens the sockets. Its metrics are registered at import, as xk6-tcp does: thresholds on
 * {@code tcp_*} metrics are valid before any socket opens.
 *
 * <p>Threads: one instance per run, shared by all VUs; the hosts are made on each VU's thread.
 */
public final class TcpModule extends GlueModule {

    public TcpModule() {
        super("k6/x/tcp", List.of(), "tcp.js",
                vu -> new TcpSockets(vu, TcpMetrics.register(vu.metrics()), TcpTransport.shared()));
    }
}
