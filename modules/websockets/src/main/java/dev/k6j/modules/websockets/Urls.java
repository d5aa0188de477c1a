package dev.k6j.modules.websockets;

import java.net.URI;
import java.net.URISyntaxException;

/** Parses and checks a WebSocket URL, with k6's error messages. */
final class Urls {

    private Urls() {
    }

    /**
     * The URL as a URI.
     *
     * @throws IllegalArgumentException with the message k6 gives for a missing, malformed, non-ws or fragment URL
     */
    static URI parse(String url) {
        if (url == null) {
            throw new IllegalArgumentException("WebSocket requires a url");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("WebSocket requires valid url, but got \"" + url
                    + "\" which resulted in " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equalsIgnoreCase("ws") && !scheme.equalsIgnoreCase("wss")) {
            throw new IllegalArgumentException("WebSocket requires url with scheme ws or wss, but got \"" + scheme
                    + "\"");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("WebSocket requires no url fragment, but got \""
                    + uri.getRawFragment() + "\"");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("WebSocket requires valid url, but got \"" + url
                    + "\" which has no host");
        }
        return uri;
    }
}
