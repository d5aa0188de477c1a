package dev.k6j.engine.httpclient;

import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a request ended: the final response (after redirects) or the error, with what k6's {@code Response} shows.
 * Plain Java data, made on the request's thread; k6/http's {@code Response} (in {@code modules.http}) gives the script its
 * view, piece by piece.
 *
 * @param url            the final URL
 * @param response       the final response, or {@code null} when the request failed
 * @param body           the body for the script: String (text), byte[] (binary) or {@code null}
 * @param error          the failure, or {@code null}
 * @param errorCode      k6's error code (1000 + status for 4xx/5xx), 0 when none
 * @param timings        the final round trip's timings
 * @param remoteIp       the server's address, or ""
 * @param remotePort     the server's port, or 0
 * @param tlsVersion     {@code tls1.3} etc., or "" for clear text
 * @param tlsCipherSuite the cipher suite, or ""
 * @param request        {@code res.request}: method, url, headers, body, cookies of the first request
 */
public record HttpOutcome(String url, RawResponse response, Object body, HttpError error, int errorCode,
                          Timings timings, String remoteIp, int remotePort, String tlsVersion, String tlsCipherSuite,
                          RequestInfo request) {

    /** Whether the request failed (status 0). */
    public boolean failed() {
        return error != null;
    }

    /** The response status, 0 when the request failed. */
    public int status() {
        return error == null && response != null ? response.status() : 0;
    }

    /** Whether there is a response to show (not a failed request). */
    public boolean ok() {
        return error == null && response != null;
    }

    /** {@code res.status_text}: {@code "200 OK"}, or "" for a failed request. */
    public String statusText() {
        return ok() ? response.status() + " " + response.reason() : "";
    }

    /** {@code res.headers} as JSON: canonical names, repeated headers joined with ", " as Go's Header.Get shows them. */
    public String headersJson() {
        StringBuilder out = new StringBuilder(256);
        JsonText.value(out, ok() ? headers() : Map.of());
        return out.toString();
    }

    /** {@code res.cookies} as JSON: the response's Set-Cookie headers by name. */
    public String cookiesJson() {
        StringBuilder out = new StringBuilder(64);
        JsonText.value(out, ok() && response.header("Set-Cookie") != null ? cookies() : Map.of());
        return out.toString();
    }

    /** {@code res.timings} as JSON, in k6's order. */
    public String timingsJson() {
        StringBuilder out = new StringBuilder(192);
        out.append("{\"duration\":");
        JsonText.number(out, timings.duration());
        out.append(",\"blocked\":");
        JsonText.number(out, timings.blocked());
        out.append(",\"connecting\":");
        JsonText.number(out, timings.connecting());
        out.append(",\"tls_handshaking\":");
        JsonText.number(out, timings.tlsHandshaking());
        out.append(",\"sending\":");
        JsonText.number(out, timings.sending());
        out.append(",\"waiting\":");
        JsonText.number(out, timings.waiting());
        out.append(",\"receiving\":");
        JsonText.number(out, timings.receiving());
        return out.append('}').toString();
    }

    /** {@code res.request} as JSON. */
    public String requestJson() {
        StringBuilder out = new StringBuilder(256);
        JsonText.value(out, request.toMap());
        return out.toString();
    }

    private Map<String, Object> headers() {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : response.headers()) {
            headers.merge(HeaderNames.canonical(header.getKey()), header.getValue(), (a, b) -> a + ", " + b);
        }
        return headers;
    }

    private Map<String, Object> cookies() {
        Map<String, Object> cookies = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        for (String header : response.headers("Set-Cookie")) {
            Cookie cookie = ClientCookieDecoder.LAX.decode(header);
            if (cookie == null) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", cookie.name());
            entry.put("value", cookie.value());
            entry.put("domain", cookie.domain() == null ? "" : cookie.domain());
            entry.put("path", cookie.path() == null ? "" : cookie.path());
            entry.put("http_only", cookie.isHttpOnly());
            entry.put("secure", cookie.isSecure());
            long maxAge = cookie.maxAge() == Long.MIN_VALUE ? 0 : cookie.maxAge();
            entry.put("max_age", maxAge);
            entry.put("expires", cookie.maxAge() == Long.MIN_VALUE ? 0 : now + maxAge * 1000);
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) cookies.computeIfAbsent(cookie.name(), n -> new ArrayList<>());
            list.add(entry);
        }
        return cookies;
    }
}
