package dev.k6j.engine.httpclient;

import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cookie jar with the rules of a browser (RFC 6265: domain and path matching, host-only cookies, {@code Secure},
 * expiry), like Go's {@code net/http/cookiejar} that k6 uses. One per VU ({@code http.cookieJar()}) plus any the
 * script makes with {@code new http.CookieJar()}.
 *
 * <p>Threads: thread-safe (synchronized): the VU thread reads and sets cookies from the script, request threads
 * store {@code Set-Cookie} of responses and read cookies for redirects.
 */
public final class CookieJar {

    /** One stored cookie. {@code expiresAt} is epoch milliseconds, or -1 for a session cookie. */
    record StoredCookie(String name, String value, String domain, boolean hostOnly, String path, boolean secure,
                        boolean httpOnly, long expiresAt, long created) {

        boolean expired(long now) {
            return expiresAt >= 0 && expiresAt <= now;
        }

        boolean matches(URI uri) {
            String host = CookieJar.host(uri);
            boolean domainOk = hostOnly ? host.equals(domain) : domainMatches(host, domain);
            return domainOk && pathMatches(CookieJar.path(uri), path) && (!secure || "https".equalsIgnoreCase(uri.getScheme()));
        }
    }

    private final List<StoredCookie> cookies = new ArrayList<>();

    /** Stores the cookies of {@code Set-Cookie} headers received from {@code uri}. */
    public synchronized void storeFromResponse(URI uri, List<String> setCookieHeaders) {
        long now = System.currentTimeMillis();
        for (String header : setCookieHeaders) {
            Cookie cookie = ClientCookieDecoder.LAX.decode(header);
            if (cookie == null) {
                continue;
            }
            long expiresAt = cookie.maxAge() == Long.MIN_VALUE ? -1
                    : cookie.maxAge() <= 0 ? 0 : now + cookie.maxAge() * 1000;
            store(uri, cookie.name(), cookie.value(), cookie.domain(), cookie.path(), cookie.isSecure(),
                    cookie.isHttpOnly(), expiresAt, now);
        }
    }

    /**
     * Stores one cookie as if {@code uri} had set it ({@code jar.set(url, name, value, options)}).
     *
     * @param expiresAt epoch milliseconds, or -1 for a session cookie
     * @return whether it was stored (a domain that does not match the URL's host is refused)
     */
    public synchronized boolean set(URI uri, String name, String value, String domain, String path, boolean secure,
                                    boolean httpOnly, long expiresAt) {
        return store(uri, name, value, domain, path, secure, httpOnly, expiresAt, System.currentTimeMillis());
    }

    private boolean store(URI uri, String name, String value, String domainAttribute, String pathAttribute,
                          boolean secure, boolean httpOnly, long expiresAt, long now) {
        String host = host(uri);
        String domain = host;
        boolean hostOnly = true;
        if (domainAttribute != null && !domainAttribute.isBlank()) {
            String d = domainAttribute.toLowerCase(Locale.ROOT);
            d = d.startsWith(".") ? d.substring(1) : d;
            if (!domainMatches(host, d)) {
                return false;
            }
            domain = d;
            hostOnly = d.equals(host) && isIpAddress(host);
        }
        String path = pathAttribute == null || !pathAttribute.startsWith("/") ? defaultPath(path(uri)) : pathAttribute;
        long created = now;
        for (Iterator<StoredCookie> it = cookies.iterator(); it.hasNext(); ) {
            StoredCookie old = it.next();
            if (old.name.equals(name) && old.domain.equals(domain) && old.path.equals(path)) {
                created = old.created;
                it.remove();
            }
        }
        if (expiresAt >= 0 && expiresAt <= now) {
            return true;
        }
        cookies.add(new StoredCookie(name, value, domain, hostOnly, path, secure, httpOnly, expiresAt, created));
        return true;
    }

    /** The cookies to send to {@code uri}, longest path first (as browsers order them). */
    public synchronized List<StoredCookie> cookiesFor(URI uri) {
        long now = System.currentTimeMillis();
        cookies.removeIf(c -> c.expired(now));
        List<StoredCookie> result = new ArrayList<>();
        for (StoredCookie cookie : cookies) {
            if (cookie.matches(uri)) {
                result.add(cookie);
            }
        }
        result.sort(Comparator.comparingInt((StoredCookie c) -> -c.path.length()).thenComparingLong(c -> c.created));
        return result;
    }

    /** {@code jar.cookiesForURL(url)}: cookie name to its values. */
    public Map<String, List<String>> valuesFor(URI uri) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (StoredCookie cookie : cookiesFor(uri)) {
            values.computeIfAbsent(cookie.name, n -> new ArrayList<>()).add(cookie.value);
        }
        return values;
    }

    /** Removes the cookies that would be sent to {@code uri}. */
    public synchronized void clear(URI uri) {
        cookies.removeIf(c -> c.matches(uri));
    }

    /** Removes the cookie {@code name} that would be sent to {@code uri}. */
    public synchronized void delete(URI uri, String name) {
        cookies.removeIf(c -> c.name.equals(name) && c.matches(uri));
    }

    /** Forgets everything (the VU's jar, between iterations). */
    public synchronized void clearAll() {
        cookies.clear();
    }

    static String host(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) {
            return true;
        }
        return !isIpAddress(host) && host.endsWith("." + domain);
    }

    private static boolean isIpAddress(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        if (requestPath.startsWith(cookiePath)) {
            return cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/';
        }
        return false;
    }

    private static String defaultPath(String requestPath) {
        int slash = requestPath.lastIndexOf('/');
        return slash <= 0 ? "/" : requestPath.substring(0, slash);
    }
}
