package dev.k6j.engine.modules.http;

import dev.k6j.engine.httpclient.CookieJar;
import dev.k6j.engine.httpclient.Urls;
import dev.k6j.spi.Vu;
import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The cookie-jar calls of {@code k6/http}'s glue for one VU: the VU's own jar ({@code http.cookieJar()}), new jars
 * ({@code new http.CookieJar()}), and {@code cookiesForURL}, {@code set}, {@code clear}, {@code delete}.
 *
 * <p>Threads: VU thread (the jars themselves are thread-safe).
 */
public final class CookieJars {

    private final Vu vu;
    private final CookieJar vuJar;
    private final Runnable newIteration;

    /** @param newIteration called first by every call: empties the VU's jar when a new iteration began */
    CookieJars(Vu vu, CookieJar vuJar, Runnable newIteration) {
        this.vu = vu;
        this.vuJar = vuJar;
        this.newIteration = newIteration;
    }

    @HostAccess.Export
    public Object vuJar() {
        newIteration.run();
        return vuJar;
    }

    @HostAccess.Export
    public Object newJar() {
        return new CookieJar();
    }

    @HostAccess.Export
    public Value jarCookiesForUrl(Object jar, String url) {
        newIteration.run();
        return vu.toJs(jar(jar).valuesFor(Urls.parse(url)));
    }

    @HostAccess.Export
    public void jarSet(Object jar, String url, String name, String value, Value options) {
        newIteration.run();
        URI uri = Urls.parse(url);
        String domain = null;
        String path = null;
        boolean secure = false;
        boolean httpOnly = false;
        long expiresAt = -1;
        if (options != null && options.hasMembers()) {
            domain = string(options, "domain");
            path = string(options, "path");
            secure = bool(options, "secure");
            httpOnly = bool(options, "http_only");
            String expires = string(options, "expires");
            if (expires != null && !expires.isEmpty()) {
                try {
                    expiresAt = ZonedDateTime.parse(expires, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
                            .toEpochMilli();
                } catch (RuntimeException e) {
                    throw vu.jsError("Error", "unable to parse \"expires\" as a date: " + expires);
                }
            }
            Value maxAge = options.getMember("max_age");
            if (maxAge != null && maxAge.isNumber()) {
                long seconds = maxAge.asLong();
                expiresAt = seconds <= 0 ? 0 : System.currentTimeMillis() + seconds * 1000;
            }
        }
        if (!jar(jar).set(uri, name, value, domain, path, secure, httpOnly, expiresAt)) {
            throw vu.jsError("Error", "the cookie's domain '" + domain + "' does not match the URL " + url);
        }
    }

    @HostAccess.Export
    public void jarClear(Object jar, String url) {
        newIteration.run();
        jar(jar).clear(Urls.parse(url));
    }

    @HostAccess.Export
    public void jarDelete(Object jar, String url, String name) {
        newIteration.run();
        jar(jar).delete(Urls.parse(url), name);
    }

    private CookieJar jar(Object jar) {
        if (jar instanceof CookieJar cookieJar) {
            return cookieJar;
        }
        throw vu.jsError("TypeError", "not a cookie jar");
    }

    private static String string(Value object, String name) {
        Value value = object.getMember(name);
        return value == null || value.isNull() ? null : RequestParser.text(value);
    }

    private static boolean bool(Value object, String name) {
        Value value = object.getMember(name);
        return value != null && value.isBoolean() && value.asBoolean();
    }
}
