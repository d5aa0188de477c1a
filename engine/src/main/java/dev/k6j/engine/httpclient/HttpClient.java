package dev.k6j.engine.httpclient;

import dev.k6j.engine.vu.SystemTags;
import dev.k6j.netty.TrafficCounter;
import dev.k6j.spi.Vu;

/**
 * One VU's HTTP client: its connection pool and byte counters, and the shared pieces (the timer, TLS contexts,
 * metrics) a request needs. {@link #newRun} makes a request; running it blocks the thread that
 * runs it.
 *
 * <p>Threads: {@link #newRun} and {@link #closeConnections()} from any thread (in practice the VU thread).
 */
public final class HttpClient {

    /** Where a client's log lines go (the VU's console), any thread. */
    public interface Log {
        void log(String level, String message);
    }

    final Vu vu;
    public final HttpOptions options;
    final SystemTags systemTags;
    final HttpMetrics metrics;
    final HttpTransport transport;
    final TrafficCounter traffic = new TrafficCounter();
    final HttpMetrics.TagsMemo tagsMemo = new HttpMetrics.TagsMemo();
    final Log log;
    private final ConnectionPool pool;

    public HttpClient(Vu vu, HttpOptions options, SystemTags systemTags, HttpMetrics metrics, TlsContexts tls,
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

    /** A request, ready to {@link RequestRun#run() run}. */
    public RequestRun newRun(HttpRequestSpec spec) {
        return new RequestRun(this, spec);
    }

    ConnectionPool pool() {
        return pool;
    }

    /** Closes the kept connections ({@code noVUConnectionReuse}, between iterations). */
    public void closeConnections() {
        pool.closeAll();
    }
}
