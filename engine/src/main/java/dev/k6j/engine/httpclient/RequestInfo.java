package dev.k6j.engine.httpclient;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@code res.request} of a request: what its first round trip sent. Kept as the pieces the round trip had anyway and
 * turned into k6's shape only when a script reads it, which most never do.
 *
 * <p>Threads: immutable apart from the jar it reads when shaped (thread-safe); any thread.
 */
public final class RequestInfo {

    /** A request that never left: empty method, URL, headers, body and cookies. */
    public static final RequestInfo NONE = new RequestInfo(null, "", null, Map.of());

    private final RequestHeaders source;
    private final String method;
    private final URI url;
    private final Map<String, List<String>> headers;

    RequestInfo(RequestHeaders source, String method, URI url, Map<String, List<String>> headers) {
        this.source = source;
        this.method = method;
        this.url = url;
        this.headers = headers;
    }

    /** k6's {@code res.request}: method, url, headers (without {@code Host}), body and cookies. */
    Map<String, Object> toMap() {
        if (source == null) {
            return Map.of("method", "", "url", "", "headers", Map.of(), "body", "", "cookies", Map.of());
        }
        return source.requestInfo(method, url, headers);
    }
}
