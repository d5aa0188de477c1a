package dev.k6j.engine.httpclient;

/**
 * A request the server certainly did not process: its HTTP/2 stream was above the last one a GOAWAY let through, or
 * the connection was going away before it was sent. Like Go's transport, k6j sends such a request again on a new
 * connection, whatever its method; the message is Go's error should the retries run out.
 */
final class UnprocessedRequest extends Http2RetryableFailure {

    UnprocessedRequest(String message) {
        super(new HttpError(ErrorCodes.DEFAULT, message), false);
    }
}
