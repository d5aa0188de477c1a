package dev.k6j.engine.httpclient;

import java.net.URI;
import java.util.Locale;

/**
 * Where a request goes, as connections are pooled: scheme, host and port.
 *
 * @param tls  https
 * @param host the URL's host (what TLS checks the certificate against)
 * @param port the port, defaulted from the scheme
 */
record Target(boolean tls, String host, int port) {

    static Target of(URI url) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Target(tls, host.toLowerCase(Locale.ROOT), port);
    }

    /** The {@code Host} header: host, and the port unless it is the scheme's default. */
    String hostHeader() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return port == (tls ? 443 : 80) ? name : name + ":" + port;
    }
}
