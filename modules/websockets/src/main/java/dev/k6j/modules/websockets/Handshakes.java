package dev.k6j.modules.websockets;

import dev.k6j.spi.Vu;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds the upgrade request of a connection from what the script gave, as both APIs do. */
final class Handshakes {

    private Handshakes() {
    }

    /**
     * The request: k6's {@code User-Agent} (the {@code userAgent} option), the jar's cookies, then the script's
     * headers, which win.
     */
    static ConnectRequest request(Vu vu, URI uri, Map<String, String> headers, String cookieHeader,
                                  List<String> subprotocols, boolean compression) {
        HttpHeaders all = new DefaultHttpHeaders();
        Object userAgent = vu.testRun().options().get("userAgent");
        String agent = userAgent == null ? "k6j/" + WebSocketsModule.class.getPackage().getImplementationVersion()
                : String.valueOf(userAgent);
        if (!agent.isEmpty()) {
            all.set("User-Agent", agent);
        }
        if (cookieHeader != null && !cookieHeader.isEmpty()) {
            all.set("Cookie", cookieHeader);
        }
        headers.forEach(all::set);
        return new ConnectRequest(uri, all, subprotocols, compression);
    }
}
