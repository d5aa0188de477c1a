package dev.k6j.engine.httpclient;

import java.util.List;
import java.util.Map;

/**
 * One round trip's request as it goes on the wire: method, request target ({@code /path?query}), headers in the
 * order they are sent ({@code Host} first) and the body. Plain immutable data, whichever connection carries it.
 *
 * @param method  e.g. {@code GET}
 * @param target  the request target of the request line
 * @param headers header name to values, in order
 * @param body    the bytes to send, or {@code null}
 */
record WireRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {
}
