package dev.k6j.engine.http;

import dev.k6j.engine.vu.SystemTags;
import dev.k6j.spi.Vu;

/**
 * One VU's HTTP client: its connection pool and byte counters, and the shared pieces (event loops, TLS contexts,
 * metrics) a request needs. {@link #start} begins a request and returns at once; the request runs on event loops.
 *
 * <p>Threads: {@link #start} and {@link #closeConnections()} from any thread (in practice the VU thread).
 */
final class HttpClient {

    /** Where a client's log lines go (the VU's console), any thread. */
    interface Log {
        void log(String level, String message);
    }

    final Vu vu;
    final HttpOptions options;
    final SystemTags systemTags;
    final HttpMetrics metrics;
    final HttpTransport transport;
    final TrafficCounter traffic = new TrafficCounter();
    final Log log;
    private final ConnectionPool pool;

    HttpClient(Vu vu, HttpOptions options, SystemTags systemTags, HttpMetrics metrics, TlsContexts tls,
               HttpTransport transport, Log log) {
        this.vu = vu;
        this.options = options;
        this.systemTags = systemTags;
        this.metrics = metrics;
        this.transport = transport;
        this.log = log;
        HostResolver resolver = new HostResolver(options.hosts(), options.dns(), options.addressRules(),
                transport.blocking());
        this.pool = new ConnectionPool(new Connector(transport, tls, options.tls(), traffic), resolver,
                !options.noConnectionReuse());
    }

    /** Starts a request. */
    RequestRun start(HttpRequestSpec spec) {
        RequestRun run = new RequestRun(this, spec);
        run.start();
        return run;
    }

    ConnectionPool pool() {
        return pool;
    }

    /** Closes the kept connections ({@code noVUConnectionReuse}, between iterations). */
    void closeConnections() {
        pool.closeAll();
    }
}
