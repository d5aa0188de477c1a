package dev.k6j.engine.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code res.timings}, in milliseconds: k6's meanings. {@code blocked} is the wait for a connection (DNS lookup,
 * connecting and the TLS handshake included, as in k6); {@code duration = sending + waiting + receiving}.
 */
public record Timings(double blocked, double connecting, double tlsHandshaking, double sending, double waiting,
                      double receiving, double duration) {

    public static final Timings ZERO = new Timings(0, 0, 0, 0, 0, 0, 0);

    /** As the script sees it, in k6's key order. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("duration", duration);
        map.put("blocked", blocked);
        map.put("connecting", connecting);
        map.put("tls_handshaking", tlsHandshaking);
        map.put("sending", sending);
        map.put("waiting", waiting);
        map.put("receiving", receiving);
        return map;
    }
}
