package dev.k6j.engine.httpclient;

/**
 * HTTP/2's error codes (RFC 9113, section 7) and their names as Go's {@code http2.ErrCode} prints them, which k6's
 * error messages carry. Stateless.
 */
final class Http2ErrorCodes {

    static final int NO_ERROR = 0x0;
    static final int PROTOCOL_ERROR = 0x1;
    static final int INTERNAL_ERROR = 0x2;
    static final int FLOW_CONTROL_ERROR = 0x3;
    static final int STREAM_CLOSED = 0x5;
    static final int FRAME_SIZE_ERROR = 0x6;
    static final int REFUSED_STREAM = 0x7;
    static final int CANCEL = 0x8;
    static final int COMPRESSION_ERROR = 0x9;
    static final int ENHANCE_YOUR_CALM = 0xb;

    private static final String[] NAMES = {"NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR",
        "SETTINGS_TIMEOUT", "STREAM_CLOSED", "FRAME_SIZE_ERROR", "REFUSED_STREAM", "CANCEL", "COMPRESSION_ERROR",
        "CONNECT_ERROR", "ENHANCE_YOUR_CALM", "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED"};

    private Http2ErrorCodes() {
    }

    /** Go's name of an error code: {@code CANCEL}, or {@code unknown error code 0x1f} for one HTTP/2 does not define. */
    static String name(long code) {
        return code >= 0 && code < NAMES.length ? NAMES[(int) code] : "unknown error code 0x" + Long.toHexString(code);
    }

    /** Whether k6 knows the code: its error codes add 1 + the HTTP/2 code to a base for these, else the base. */
    static boolean known(long code) {
        return code >= 0 && code < NAMES.length;
    }
}
