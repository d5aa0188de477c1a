package dev.k6j.engine.modules.http;

import dev.k6j.engine.httpclient.HttpMetrics;
import dev.k6j.engine.httpclient.HttpOptions;
import dev.k6j.engine.httpclient.TlsContexts;
import dev.k6j.engine.modules.GlueModule;
import dev.k6j.spi.TestRun;
import dev.k6j.spi.Vu;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The {@code k6/http} module: the glue {@code http.js} gives k6's API (functions, {@code Response},
 * {@code CookieJar}, {@code http.url}, {@code json()} selectors); {@link HttpHost} does the requests.
 *
 * <p>Threads: hosts are made on VU threads; the shared pieces of a run are made once, under a lock.
 */
public final class HttpModule extends GlueModule {

    /** What all VUs of a run share: the HTTP options, the metrics and the TLS contexts. */
    record Shared(HttpOptions options, HttpMetrics metrics, TlsContexts tls) {
    }

    private final Map<TestRun, Shared> shared = new WeakHashMap<>();

    public HttpModule() {
        super("k6/http", "http.js");
    }

    @Override
    protected Object host(Vu vu) {
        // Registered at import, as k6 does: thresholds on http_* metrics are checked before any request.
        new HttpMetrics(vu.metrics());
        return new HttpHost(vu, () -> shared(vu));
    }

    /** The run's shared pieces, made on first use (after init, when the options are final). */
    private Shared shared(Vu vu) {
        TestRun run = vu.testRun();
        synchronized (shared) {
            Shared pieces = shared.get(run);
            if (pieces == null) {
                pieces = new Shared(HttpOptions.from(run.options(), run.tls()), new HttpMetrics(vu.metrics()), new TlsContexts());
                shared.put(run, pieces);
            }
            return pieces;
        }
    }
}
