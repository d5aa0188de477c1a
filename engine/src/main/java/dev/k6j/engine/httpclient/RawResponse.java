package dev.k6j.engine.httpclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response as it came off the wire, before decompression: status line, headers in arrival order, body bytes.
 * Immutable once built (plain Java data, safe to hand between threads).
 *
 * @param status  the status code
 * @param reason  the reason phrase, e.g. {@code OK}
 * @param proto   {@code HTTP/1.1}, {@code HTTP/1.0} or {@code HTTP/2.0}
 * @param headers header names and values as received
 * @param body    the body, or {@code null} when it was discarded
 */
public record RawResponse(int status, String reason, String proto, List<Map.Entry<String, String>> headers, byte[] body) {

    /** The first value of a header (case-insensitive), or {@code null}. */
    String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** All values of a header (case-insensitive). */
    List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                values.add(header.getValue());
            }
        }
        return values;
    }
}
