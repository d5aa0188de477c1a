package dev.k6j.engine.httpclient;

/**
 * The moments of one request/response round trip, in {@link System#nanoTime()} nanoseconds, as k6's tracer takes
 * them ({@code lib/netext/httpext/tracer.go}): asking for a connection, connecting, the TLS handshake, getting the
 * connection, having written the request, the first response byte, and the end. {@link #finish()} turns them into
 * {@link Timings} the way k6 does, so {@code duration = sending + waiting + receiving}.
 *
 * <p>Threads: written by whichever thread reaches a moment (the request's own, or for HTTP/2 the thread reading
 * the connection for it); fields are volatile and each is written once before {@link #finish()}, which runs once.
 */
final class TimingMarks {

    volatile long getConn;
    volatile long connectStart;
    volatile long connectDone;
    volatile long tlsStart;
    volatile long tlsDone;
    volatile long gotConn;
    volatile long wroteRequest;
    volatile long firstByte;
    volatile boolean reusedConnection;

    static long now() {
        return System.nanoTime();
    }

    /** A connection from the pool: nothing to connect, so connecting and handshaking take zero time. */
    void reused() {
        reusedConnection = true;
        long now = now();
        connectStart = now;
        connectDone = now;
        gotConn = now;
    }

    void firstByteIfUnset() {
        if (firstByte == 0) {
            firstByte = now();
        }
    }

    /** The timings at this moment (the end of the round trip). */
    Timings finish() {
        long done = now();
        double blocked = gotConn != 0 && getConn != 0 && gotConn > getConn ? ms(gotConn - getConn) : 0;
        double connecting = connectDone != 0 && connectStart != 0 ? ms(connectDone - connectStart) : 0;
        double tls = tlsDone != 0 && tlsStart != 0 ? ms(tlsDone - tlsStart) : 0;
        double sending = 0;
        double waiting = 0;
        double receiving = 0;
        if (wroteRequest != 0) {
            long from = tlsDone != 0 ? tlsDone : connectDone != 0 ? connectDone : gotConn;
            sending = ms(Math.max(0, wroteRequest - from));
            if (firstByte != 0) {
                waiting = firstByte > wroteRequest ? ms(firstByte - wroteRequest) : 0;
            } else {
                waiting = ms(done - wroteRequest);
            }
        }
        if (firstByte != 0) {
            receiving = ms(Math.max(0, done - firstByte));
        }
        return new Timings(blocked, connecting, tls, sending, waiting, receiving, sending + waiting + receiving);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
