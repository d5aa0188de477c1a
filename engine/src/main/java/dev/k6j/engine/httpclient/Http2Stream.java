package dev.k6j.engine.httpclient;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;

/**
 * One request's stream on an HTTP/2 connection: the exchange it carries, its flow-control windows, and the response
 * as it arrives (the head, the body, the end) or the failure that ended it.
 *
 * <p>Threads: every field is guarded by the connection's lock; the thread of the request waits on {@link #changed}
 * while another thread reads for the connection.
 */
final class Http2Stream {

    final Exchange exchange;
    /** Signalled when the stream's state changes, or when its thread should take over reading. */
    final Condition changed;
    /** 0 until its HEADERS are written. */
    int id;
    /** Whether it holds one of the server's concurrent stream slots. */
    boolean counted;
    /** What the server lets it send still (its window; the connection's is separate). */
    long sendWindow;
    /** Request body bytes sent so far. */
    int sent;
    /** Bytes of DATA received since the last WINDOW_UPDATE for the stream. */
    int unacknowledged;
    /** The request's END_STREAM went out: k6j has nothing more to send on it. */
    boolean requestEnded;
    /** Reset by either side, or refused by a GOAWAY: nothing is to be sent on it any more, not even RST_STREAM. */
    boolean closed;
    /** The whole response arrived (END_STREAM). */
    boolean ended;
    Throwable failure;

    private int status;
    private List<Map.Entry<String, String>> headers;
    private byte[] body = new byte[0];
    private int size;

    Http2Stream(Exchange exchange, Condition changed) {
        this.exchange = exchange;
        this.changed = changed;
    }

    /** Ended either way: the response is whole, or it failed. */
    boolean finished() {
        return ended || failure != null;
    }

    boolean hasHead() {
        return status != 0;
    }

    void head(int status, List<Map.Entry<String, String>> headers) {
        this.status = status;
        this.headers = headers;
    }

    /** A DATA frame's content (kept unless the body is discarded). */
    void data(byte[] bytes, int offset, int length) {
        if (length == 0 || exchange.discardBody()) {
            return;
        }
        if (size + length > body.length) {
            body = Arrays.copyOf(body, Math.max(size + length, body.length * 2));
        }
        System.arraycopy(bytes, offset, body, size, length);
        size += length;
    }

    /** The response once {@link #ended}. */
    RawResponse response() {
        return new RawResponse(status, StatusTexts.of(status), "HTTP/2.0", headers,
                exchange.discardBody() ? null : size == body.length ? body : Arrays.copyOf(body, size));
    }
}
