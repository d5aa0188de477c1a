package dev.k6j.engine.httpclient;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads script URLs as Go's {@code url.Parse} would, and masks credentials for tags and output. Stateless. */
public final class Urls {

    private Urls() {
    }

    /**
     * The absolute http(s) URL of {@code text}. Characters a URI may not hold (spaces, quotes, non-ASCII) are
     * percent-encoded, as browsers and Go do.
     *
     * @throws HttpError 1020 for an unreadable URL, 1000 for another scheme (Go's "unsupported protocol scheme")
     */
    public static URI parse(String text) {
        URI uri;
        try {
            uri = new URI(escape(text.trim()));
        } catch (URISyntaxException e) {
            throw new HttpError(ErrorCodes.INVALID_URL, "invalid URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new HttpError(ErrorCodes.DEFAULT, "unsupported protocol scheme \"" + scheme + "\"");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new HttpError(ErrorCodes.INVALID_URL, "invalid URL");
        }
        return uri;
    }

    /** {@code location} (a Location header) resolved against the URL that answered with it. */
    static URI resolve(URI base, String location) {
        try {
            URI target = new URI(escape(location.trim()));
            URI resolved = base.resolve(target);
            if (resolved.getRawPath() == null || resolved.getRawPath().isEmpty()) {
                resolved = new URI(resolved.getScheme(), resolved.getRawAuthority(), "/", resolved.getRawQuery(),
                        resolved.getRawFragment());
            }
            return resolved;
        } catch (URISyntaxException e) {
            throw new HttpError(ErrorCodes.INVALID_URL, "invalid URL in redirect: " + location, e);
        }
    }

    /** The URL with user and password masked, as k6 shows it in tags: {@code http://****:****@host/}. */
    static String clean(URI uri) {
        String text = uri.toString();
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return text;
        }
        String masked = userInfo.contains(":") ? "****:****" : "****";
        return text.replaceFirst(java.util.regex.Pattern.quote(userInfo + "@"),
                java.util.regex.Matcher.quoteReplacement(masked + "@"));
    }

    /** Path and query for the request line ({@code /a/b?c=d}). */
    static String requestTarget(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^'
                    || c == '`' || c == '{' || c == '|' || c == '}';
            if (bad && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                if (bad) {
                    for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                        out.append('%').append(String.format("%02X", b & 0xff));
                    }
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
