package dev.k6j.engine.http;

import java.io.IOException;

/**
 * A request the server certainly did not process: its HTTP/2 stream was above the last one a GOAWAY let through, or
 * the server refused the stream (REFUSED_STREAM), or the connection was going away before it was sent. Like Go's
 * transport, k6j sends such a request again on a new connection, whatever its method.
 */
final class UnprocessedRequest extends IOException {

    UnprocessedRequest(String message) {
        super(message, null);
    }
}
