package dev.k6j.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One request/response round trip: the request to write, the timing marks, the connection that carries it, and how
 * to stop it. A round trip runs on the thread that started it (the VU's, or an async request's own virtual thread)
 * and blocks it; whichever phase runs (connecting, the exchange on a connection) registers an {@link #abortHook}, and
 * {@link #fail} from any other thread (the request timeout, a VU stopping) runs it, so the blocked thread wakes up
 * and sees {@link #failure()}.
 *
 * <p>The Netty connections (TLS, HTTP/2) also {@link #read} the response into it on their event loop and
 * {@link #complete()} its {@link #await() result}; the socket connection reads the response itself.
 *
 * <p>Threads: made and awaited on the round trip's thread; {@link #fail} from any thread; {@link #read} and
 * {@link #complete} on the connection's event loop.
 */
final class Exchange {

    private static final Runnable NOTHING = () -> {
    };

    private final WireRequest request;
    private final TimingMarks marks;
    private final boolean discardBody;
    private final CompletableFuture<RawResponse> result = new CompletableFuture<>();
    private volatile Runnable abortHook = NOTHING;
    private volatile Throwable failure;
    private volatile Connection connection;
    private HttpResponse head;
    private byte[] body = new byte[0];
    private int size;

    Exchange(WireRequest request, TimingMarks marks, boolean discardBody) {
        this.request = request;
        this.marks = marks;
        this.discardBody = discardBody;
    }

    WireRequest request() {
        return request;
    }

    TimingMarks marks() {
        return marks;
    }

    boolean discardBody() {
        return discardBody;
    }

    /** The connection that carried it, once known. */
    Connection connection() {
        return connection;
    }

    void connection(Connection connection) {
        this.connection = connection;
    }

    /** What stops the current phase (closing a socket, a stream, a pending connect); runs at once if already failed. */
    void abortHook(Runnable hook) {
        abortHook = hook == null ? NOTHING : hook;
        if (failure != null) {
            abortHook.run();
        }
    }

    /** Ends it with a failure, from any thread (the first failure wins) and stops what it is doing. */
    void fail(Throwable cause) {
        if (failure != null) {
            return;
        }
        failure = cause;
        result.completeExceptionally(cause);
        abortHook.run();
    }

    /** The failure that ended it early, or {@code null}. */
    Throwable failure() {
        return failure;
    }

    boolean done() {
        return result.isDone();
    }

    // ---- the Netty connections' side ----------------------------------------------------------------------------

    /** Waits for the response a Netty connection reads (or the failure). */
    RawResponse await() throws Exception {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
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
        head.headers().forEach(h -> headers.add(Map.entry(h.getKey(), h.getValue())));
        String proto = connection != null && connection.http2() ? "HTTP/2.0" : head.protocolVersion().text();
        result.complete(new RawResponse(head.status().code(), head.status().reasonPhrase(), proto, headers,
                discardBody ? null : (size == body.length ? body : Arrays.copyOf(body, size))));
    }

    /** Whether the server asked to keep the connection open after this response. */
    boolean keepAlive() {
        return head != null && HttpUtil.isKeepAlive(head) && !closeRequested();
    }

    /** Whether the request asked the server to close the connection ({@code noConnectionReuse}). */
    boolean closeRequested() {
        List<String> connection = request.headers().get("Connection");
        return connection != null && connection.contains("close");
    }
}
