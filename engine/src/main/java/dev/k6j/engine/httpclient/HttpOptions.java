package dev.k6j.engine.httpclient;

import dev.k6j.spi.TlsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The test options k6/http reads ({@code maxRedirects}, {@code userAgent}, {@code batch}, TLS, {@code hosts}...),
 * typed, from the consolidated options. Immutable.
 *
 * @param userAgent             the {@code User-Agent} header; empty sends none
 * @param maxRedirects          redirects followed when a request does not say
 * @param maxRedirectsGiven     whether the test set {@code maxRedirects} (else stopping at it logs a warning)
 * @param batch                 requests of one {@code http.batch()} in flight at once
 * @param batchPerHost          of those, to one host at once
 * @param discardResponseBodies bodies are read and dropped unless a request asks for them
 * @param throwErrors           a failed request throws instead of returning status 0
 * @param httpDebug             "" (off), "headers" or "full"
 * @param noConnectionReuse     every request gets a new connection
 * @param noVuConnectionReuse   connections are closed between iterations
 * @param noCookiesReset        the VU's cookie jar survives iterations
 * @param tls                   certificate checks, versions, cipher suites and client certificates
 * @param hosts                 host name (or host:port) overrides
 * @param dns                   the {@code dns} option: ttl, select, policy
 * @param addressRules          {@code blockHostnames} and {@code blacklistIPs}
 */
public record HttpOptions(String userAgent, int maxRedirects, boolean maxRedirectsGiven, int batch, int batchPerHost,
                          boolean discardResponseBodies, boolean throwErrors, String httpDebug,
                          boolean noConnectionReuse, boolean noVuConnectionReuse, boolean noCookiesReset,
                          TlsSettings tls, Map<String, String> hosts, DnsOptions dns,
                          AddressRules addressRules) {

    /** k6j's default user agent, in the form of k6's ({@code Grafana k6/<version>}): {@code k6j/<version>}. */
    public static String defaultUserAgent() {
        String version = HttpOptions.class.getPackage().getImplementationVersion();
        return "k6j/" + (version == null ? "dev" : version);
    }

    /**
     * Reads the options; a missing option takes k6's default. Bad values throw {@link IllegalArgumentException}. The TLS
     * options come parsed already, from the run ({@link dev.k6j.spi.TestRun#tls()}), which extensions share.
     */
    public static HttpOptions from(Map<String, Object> options, TlsSettings tls) {
        Object httpDebug = options.get("httpDebug");
        String debug = httpDebug == null || Boolean.FALSE.equals(httpDebug) ? ""
                : Boolean.TRUE.equals(httpDebug) ? "headers" : String.valueOf(httpDebug);
        Object userAgent = options.get("userAgent");
        return new HttpOptions(
                userAgent == null ? defaultUserAgent() : String.valueOf(userAgent),
                integer(options, "maxRedirects", 10),
                options.get("maxRedirects") != null,
                Math.max(1, integer(options, "batch", 20)),
                Math.max(0, integer(options, "batchPerHost", 6)),
                bool(options, "discardResponseBodies"),
                bool(options, "throw"),
                debug,
                bool(options, "noConnectionReuse"),
                bool(options, "noVUConnectionReuse"),
                bool(options, "noCookiesReset"),
                tls,
                hosts(options.get("hosts")),
                DnsOptions.from(options.get("dns")),
                AddressRules.from(options.get("blockHostnames"), options.get("blacklistIPs")));
    }

    private static int integer(Map<String, Object> options, String name, int fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    static boolean bool(Map<String, Object> options, String name) {
        Object value = options.get(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no", "" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        };
    }

    private static Map<String, String> hosts(Object value) {
        Map<String, String> hosts = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> hosts.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
        } else if (value != null) {
            throw new IllegalArgumentException("hosts must be an object of host names to addresses");
        }
        return Map.copyOf(hosts);
    }

    /** A list of strings from a JSON-like value (a list or one comma-separated string). */
    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        } else if (value != null) {
            for (String part : value.toString().split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }

    /** The default request timeout ({@code params.timeout}). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
}
