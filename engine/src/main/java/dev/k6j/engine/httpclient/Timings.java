package dev.k6j.engine.httpclient;

/**
 * {@code res.timings}, in milliseconds: k6's meanings. {@code blocked} is the wait for a connection (DNS lookup,
 * connecting and the TLS handshake included, as in k6); {@code duration = sending + waiting + receiving}.
 */
public record Timings(double blocked, double connecting, double tlsHandshaking, double sending, double waiting,
                      double receiving, double duration) {

    public static final Timings ZERO = new Timings(0, 0, 0, 0, 0, 0, 0);
}
