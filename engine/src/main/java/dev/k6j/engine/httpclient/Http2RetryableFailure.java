package dev.k6j.engine.httpclient;

import java.io.IOException;

/**
 * An HTTP/2 failure after which Go's transport, and so k6, sends the request again, whatever its method. Two kinds:
 *
 * <ul>
 *   <li>the connection takes no new request: the request was above a GOAWAY's last stream or met a connection going
 *       away ({@link UnprocessedRequest}), or the server reset its stream with PROTOCOL_ERROR (golang/go#47635). Go
 *       then dials a new connection at once, as often as it takes, until the request's timeout;</li>
 *   <li>the server refused the stream (REFUSED_STREAM) and the connection goes on: Go tries again on it, at once, then
 *       after 1 s, 2 s, 4 s ... 32 s, and then fails ({@link #backsOff()}).</li>
 * </ul>
 *
 * When no retry is left, the request fails with {@link #error()}.
 */
class Http2RetryableFailure extends IOException {

    private final HttpError error;
    private final boolean backsOff;

    Http2RetryableFailure(HttpError error, boolean backsOff) {
        super(error.getMessage(), null);
        this.error = error;
        this.backsOff = backsOff;
    }

    /** What the request fails with when it is not sent again. */
    HttpError error() {
        return error;
    }

    /** Whether the retries are counted and spaced out (a refused stream), or immediate on a new connection. */
    boolean backsOff() {
        return backsOff;
    }
}
