package dev.k6j.engine.httpclient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers each round trip of a request sends, as Go's client would send them: {@code Host}, the user agent,
 * the script's headers, {@code Content-Encoding} for compressed bodies, {@code Content-Length}, cookies from
 * {@code params.cookies} and the jar, basic credentials from the URL (or a digest answer), and {@code Connection:
 * close} with {@code noConnectionReuse}. Also {@code res.request}.
 *
 * <p>Threads: immutable apart from the jar it reads (thread-safe); any thread.
 */
final class RequestHeaders {

    private final HttpRequestSpec spec;
    private final HttpOptions options;

    RequestHeaders(HttpRequestSpec spec, HttpOptions options) {
        this.spec = spec;
        this.options = options;
    }

    /** The headers of one round trip, {@code Host} first. */
    Map<String, List<String>> forHop(String method, URI url, Target target, byte[] body,
                                              String authorization) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(target.hostHeader()));
        if (!options.userAgent().isEmpty()) {
            headers.put("User-Agent", List.of(options.userAgent()));
        }
        spec.headers().forEach((name, values) -> {
            if (!name.equals("Content-Length")) {
                headers.put(name, values);
            }
        });
        if (!spec.compression().isEmpty() && body != null && !headers.containsKey("Content-Encoding")) {
            headers.put("Content-Encoding", List.of(String.join(", ", spec.compression())));
        }
        if (body != null || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            headers.put("Content-Length", List.of(Integer.toString(body == null ? 0 : body.length)));
        }
        String cookie = cookieHeader(url);
        if (!cookie.isEmpty()) {
            // A Cookie header the script set comes first, as Go's AddCookie appends to it.
            List<String> given = headers.get("Cookie");
            headers.put("Cookie", List.of(given == null ? cookie : String.join("; ", given) + "; " + cookie));
        }
        if (authorization != null) {
            headers.put("Authorization", List.of(authorization));
        } else if (url.getRawUserInfo() != null && !spec.auth().equals("digest") && !spec.auth().equals("ntlm")
                && !headers.containsKey("Authorization")) {
            String credentials = userInfo(url);
            headers.put("Authorization", List.of("Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        }
        if (options.noConnectionReuse()) {
            headers.put("Connection", List.of("close"));
        }
        return headers;
    }

    /** Cookies of {@code params.cookies} (those with {@code replace} win over the jar's) and of the jar. */
    private String cookieHeader(URI url) {
        List<String> pairs = new ArrayList<>();
        spec.cookies().forEach((name, cookie) -> pairs.add(name + "=" + cookie.value()));
        if (spec.jar() != null) {
            for (CookieJar.StoredCookie stored : spec.jar().cookiesFor(url)) {
                HttpRequestSpec.RequestCookie given = spec.cookies().get(stored.name());
                if (given == null || !given.replace()) {
                    pairs.add(stored.name() + "=" + stored.value());
                }
            }
        }
        return String.join("; ", pairs);
    }

    /** {@code res.request}: method, URL, headers (without {@code Host}), body and cookies of the first round trip. */
    Map<String, Object> requestInfo(String method, URI url, Map<String, List<String>> headers) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("method", method);
        info.put("url", url.toString());
        Map<String, Object> headerMap = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (!name.equals("Host")) {
                headerMap.put(name, new ArrayList<Object>(values));
            }
        });
        info.put("headers", headerMap);
        info.put("body", spec.body() == null ? "" : new String(spec.body(), StandardCharsets.UTF_8));
        Map<String, Object> cookies = new LinkedHashMap<>();
        spec.cookies().forEach((name, cookie) -> cookies.put(name, new ArrayList<Object>(List.of(
                Map.of("name", name, "value", cookie.value(), "replace", cookie.replace())))));
        if (spec.jar() != null) {
            for (CookieJar.StoredCookie stored : spec.jar().cookiesFor(url)) {
                HttpRequestSpec.RequestCookie given = spec.cookies().get(stored.name());
                if (given == null || !given.replace()) {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) cookies.computeIfAbsent(stored.name(), n -> new ArrayList<>());
                    list.add(Map.of("name", stored.name(), "value", stored.value(), "replace", false));
                }
            }
        }
        info.put("cookies", cookies);
        return info;
    }

    /** The URL's {@code user:password}, percent-decoded. */
    static String userInfo(URI url) {
        String rawUserInfo = url.getRawUserInfo();
        return java.net.URLDecoder.decode(rawUserInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
