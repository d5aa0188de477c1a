package dev.k6j.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One request/response round trip on one connection (or HTTP/2 stream): the request to write, the timing marks,
 * and the response as it is read, completed into {@link #result()}.
 *
 * <p>Threads: created on any thread; read and completed on the connection's event loop. The result may complete
 * exceptionally from any thread (timeout, cancel); later events are then ignored.
 */
final class Exchange {

    private final FullHttpRequest request;
    private final TimingMarks marks;
    private final boolean discardBody;
    private final CompletableFuture<RawResponse> result = new CompletableFuture<>();
    private HttpResponse head;
    private byte[] body = new byte[0];
    private int size;
    private volatile Connection connection;

    Exchange(FullHttpRequest request, TimingMarks marks, boolean discardBody) {
        this.request = request;
        this.marks = marks;
        this.discardBody = discardBody;
    }

    FullHttpRequest request() {
        return request;
    }

    TimingMarks marks() {
        return marks;
    }

    CompletableFuture<RawResponse> result() {
        return result;
    }

    /** The connection that carried it, once known. */
    Connection connection() {
        return connection;
    }

    void connection(Connection connection) {
        this.connection = connection;
    }

    boolean done() {
        return result.isDone();
    }

    /**
     * Takes one decoded piece of the response. Returns true when the response is complete (the caller then
     * releases the connection and calls {@link #complete()}).
     */
    boolean read(HttpObject object) {
        if (result.isDone()) {
            return false;
        }
        marks.firstByteIfUnset();
        DecoderResult decoded = object.decoderResult();
        if (decoded.isFailure()) {
            fail(new HttpError(ErrorCodes.DEFAULT, "malformed HTTP response: " + decoded.cause().getMessage(),
                    decoded.cause()));
            return false;
        }
        if (object instanceof HttpResponse response) {
            if (response.status().code() == 100) {
                return false;
            }
            head = response;
        }
        if (object instanceof HttpContent content && head != null) {
            append(content.content());
            return object instanceof LastHttpContent;
        }
        return false;
    }

    private void append(ByteBuf data) {
        int length = data.readableBytes();
        if (length == 0 || discardBody) {
            return;
        }
        if (size + length > body.length) {
            body = Arrays.copyOf(body, Math.max(size + length, body.length * 2));
        }
        data.getBytes(data.readerIndex(), body, size, length);
        size += length;
    }

    /** Completes the result with what was read. */
    void complete() {
        List<Map.Entry<String, String>> headers = new ArrayList<>(head.headers().size());
        head.headers().forEach(h -> headers.add(new AbstractMap.SimpleImmutableEntry<>(h.getKey(), h.getValue())));
        String proto = connection != null && connection.http2() ? "HTTP/2.0" : head.protocolVersion().text();
        result.complete(new RawResponse(head.status().code(), head.status().reasonPhrase(), proto, headers,
                discardBody ? null : (size == body.length ? body : Arrays.copyOf(body, size))));
    }

    /** Ends it with a failure (ignored when already done). */
    void fail(Throwable failure) {
        result.completeExceptionally(failure);
    }

    /** Whether the server asked to keep the connection open after this response. */
    boolean keepAlive() {
        return head != null && io.netty.handler.codec.http.HttpUtil.isKeepAlive(head)
                && io.netty.handler.codec.http.HttpUtil.isKeepAlive(request);
    }
}
