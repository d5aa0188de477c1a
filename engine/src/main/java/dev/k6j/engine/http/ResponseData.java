package dev.k6j.engine.http;

import dev.k6j.spi.Vu;
import java.util.Map;
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
        Map<String, Object> fields = outcome.toMap();
        Object scriptBody = fields.put("body", null);
        StringBuilder json = new StringBuilder(512);
        JsonText.value(json, fields);
        this.meta = json.toString();
        this.body = scriptBody;
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
