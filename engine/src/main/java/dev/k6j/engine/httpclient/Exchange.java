package dev.k6j.engine.httpclient;

import java.util.List;

/**
 * One request/response round trip: the request to write, the timing marks, the connection that carries it, and how
 * to stop it. A round trip runs on the thread that started it (the VU's, or an async request's own virtual thread)
 * and blocks it; whichever phase runs (connecting, the exchange on a connection) registers an {@link #abortHook}, and
 * {@link #fail} from any other thread (the request timeout, a VU stopping) runs it, so the blocked thread wakes up
 * and sees {@link #failure()}.
 *
 * <p>Threads: made on the round trip's thread, which the connection blocks until the response is read; {@link #fail}
 * from any thread.
 */
final class Exchange {

    private static final Runnable NOTHING = () -> {
    };

    private final WireRequest request;
    private final TimingMarks marks;
    private final boolean discardBody;
    private volatile Runnable abortHook = NOTHING;
    private volatile Throwable failure;
    private volatile Connection connection;

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
        abortHook.run();
    }

    /** The failure that ended it early, or {@code null}. */
    Throwable failure() {
        return failure;
    }

    /** Whether the request asked the server to close the connection ({@code noConnectionReuse}). */
    boolean closeRequested() {
        List<String> connection = request.headers().get("Connection");
        return connection != null && connection.contains("close");
    }
}
