package dev.k6j.engine.http;

import dev.k6j.spi.Vu;
import org.graalvm.polyglot.HostAccess;

/**
 * A response on its way into JavaScript: every field but the body as one JSON text (the glue {@code JSON.parse}s it:
 * one call across the language boundary instead of one per property, which matters at thousands of requests per
 * second), and the body on its own (a string, an ArrayBuffer or null).
 *
 * <p>Threads: made on any thread (plain data); {@link #body()} is called by the glue on the VU thread.
 */
public final class ResponseData {

    private final String meta;
    private final Object body;
    private final Vu vu;

    ResponseData(HttpOutcome outcome, Vu vu) {
        this.meta = outcome.toJson();
        this.body = outcome.body();
        this.vu = vu;
    }

    /** Everything but the body, as JSON. */
    @HostAccess.Export
    public String meta() {
        return meta;
    }

    /** The body: a string (text), an ArrayBuffer (binary) or null. VU thread. */
    @HostAccess.Export
    public Object body() {
        return body instanceof byte[] bytes ? vu.toJs(bytes) : body;
    }
}
