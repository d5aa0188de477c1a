package dev.k6j.engine.httpclient;

import java.io.IOException;

/**
 * A connection error k6j found in what the server sent (RFC 9113, section 5.4.1): a malformed frame, a header block
 * HPACK cannot decode. The connection ends with a GOAWAY carrying {@link #errorCode()}, and its requests fail with
 * k6's "http2: connection error" code.
 */
final class Http2ProtocolException extends IOException {

    private final int errorCode;

    Http2ProtocolException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /** The HTTP/2 error code, e.g. {@link Http2ErrorCodes#PROTOCOL_ERROR}. */
    int errorCode() {
        return errorCode;
    }
}
