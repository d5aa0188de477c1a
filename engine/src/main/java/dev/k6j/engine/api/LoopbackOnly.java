package dev.k6j.engine.api;

import com.sun.net.httpserver.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps web pages out of a REST API that listens on a loopback address (k6j's default, {@code localhost:6565}): a
 * request must name a loopback host in {@code Host}, and a browser's {@code Origin}, when sent, must be a loopback
 * page too. Through DNS rebinding a page from elsewhere reaches {@code 127.0.0.1} under its own name, so its
 * requests carry a foreign {@code Host}; a foreign {@code Origin} is a page of another site. A REST API bound to
 * another interface is meant to be reached from other machines by any name, and checks nothing (as k6).
 *
 * <p>Immutable; any thread.
 */
final class LoopbackOnly {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final boolean enabled;
    private final String boundHost;

    private LoopbackOnly(boolean enabled, String boundHost) {
        this.enabled = enabled;
        this.boundHost = boundHost;
    }

    /** The rule for a server listening on {@code address}, which the user gave as {@code host}. */
    static LoopbackOnly forBinding(InetSocketAddress address, String host) {
        InetAddress bound = address.getAddress();
        boolean loopback = bound != null && bound.isLoopbackAddress();
        return new LoopbackOnly(loopback, host.toLowerCase(Locale.ROOT));
    }

    /** Why a request with these headers is refused, or {@code null} when it may be served. */
    String refusal(Headers headers) {
        if (!enabled) {
            return null;
        }
        String host = headers.getFirst("Host");
        if (host == null || !isLoopbackName(hostPart(host))) {
            return "the REST API listens on a loopback address and answers only requests for a loopback host, not "
                    + "Host: " + (host == null ? "(none)" : host) + "; to control k6j from elsewhere, listen on "
                    + "another interface with --address";
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !isLoopbackOrigin(origin)) {
            return "the REST API answers no web page of another site (Origin: " + origin + ")";
        }
        return null;
    }

    private boolean isLoopbackOrigin(String origin) {
        try {
            URI uri = new URI(origin.trim());
            return uri.getHost() != null && isLoopbackName(uri.getHost());
        } catch (URISyntaxException e) {
            return false; // "null" (a sandboxed or file page) and anything unparsable
        }
    }

    private boolean isLoopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")
                || name.equals("0:0:0:0:0:0:0:1") || IPV4_LOOPBACK.matcher(name).matches()
                || (!name.isEmpty() && name.equals(boundHost));
    }

    /** {@code localhost:6565} → {@code localhost}, {@code [::1]:6565} → {@code [::1]}. */
    private static String hostPart(String hostHeader) {
        String value = hostHeader.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }
}
