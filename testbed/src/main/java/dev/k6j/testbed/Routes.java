package dev.k6j.testbed;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The testbed's endpoints, modelled on httpbin so scripts read familiar. Each one maps a request to a
 * {@link Reply}; see {@code testbed/README.md} for the list. Stateless; called on event loops.
 */
final class Routes {

    private static final int MAX_BYTES = 64 * 1024 * 1024;

    private Routes() {
    }

    static Reply route(IncomingRequest request) {
        String[] parts = Arrays.stream(request.path().split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
        String first = parts.length == 0 ? "" : parts[0];
        return switch (first) {
            case "" -> Reply.text(200, "k6j testbed: see testbed/README.md for the endpoints\n");
            case "hello" -> Reply.text(200, "hello\n");
            case "get", "post", "put", "patch", "delete" -> methodEcho(request, first.toUpperCase());
            case "anything" -> Reply.json(200, Echo.of(request));
            case "headers" -> Reply.json(200, Map.of("headers", Echo.headers(request)));
            case "user-agent" -> Reply.json(200, Map.of("user-agent", String.valueOf(request.header("User-Agent"))));
            case "ip" -> Reply.json(200, Map.of("origin", request.origin()));
            case "status" -> status(parts);
            case "delay" -> delay(request, parts);
            case "redirect", "relative-redirect" -> redirect(request, parts, false);
            case "absolute-redirect" -> redirect(request, parts, true);
            case "redirect-to" -> redirectTo(request);
            case "cookies" -> cookies(request, parts);
            case "gzip" -> Compressed.gzip(Reply.json(200, Echo.of(request)));
            case "deflate" -> Compressed.deflate(Reply.json(200, Echo.of(request)));
            case "bytes" -> bytes(parts);
            case "basic-auth" -> basicAuth(request, parts);
            case "digest-auth" -> digestAuth(request, parts);
            case "response-headers" -> responseHeaders(request);
            case "json" -> Reply.json(200, SampleDocuments.JSON);
            case "secrets" -> secret(request, parts);
            case "modules" -> ModuleFiles.serve(request, parts);
            case "html" -> Reply.text(200, SampleDocuments.HTML).header(HttpHeaderNames.CONTENT_TYPE,
                    "text/html; charset=utf-8");
            case "malformed" -> Reply.of(Reply.Kind.MALFORMED);
            case "close" -> Reply.of(Reply.Kind.CLOSE);
            case "close-soon" -> closeSoon();
            case "tls" -> Reply.json(request.clientCertificate() == null ? 403 : 200,
                    mapOf("client_certificate", request.clientCertificate(), "proto", request.proto()));
            default -> Reply.json(404, Map.of("error", "no such endpoint: " + request.path()));
        };
    }

    /** A secret store for k6's url secret source: {@code GET /secrets/{name}} with the testbed's bearer token. */
    private static Reply secret(IncomingRequest request, String[] parts) {
        if (!("Bearer " + SampleDocuments.SECRETS_TOKEN).equals(request.header("Authorization"))) {
            return Reply.json(401, Map.of("error", "send Authorization: Bearer " + SampleDocuments.SECRETS_TOKEN));
        }
        String value = parts.length == 2 ? SampleDocuments.SECRETS.get(parts[1]) : null;
        if (value == null) {
            return Reply.json(404, Map.of("error", "no such secret: " + request.path()));
        }
        return Reply.json(200, new TreeMap<>(Map.of("name", parts[1], "value", value)));
    }

    private static Reply methodEcho(IncomingRequest request, String method) {
        boolean headOfGet = method.equals("GET") && request.method().equals("HEAD");
        if (!request.method().equals(method) && !headOfGet) {
            return Reply.json(405, Map.of("error", "method " + request.method() + " not allowed here; use " + method));
        }
        return Reply.json(200, Echo.of(request));
    }

    /** Answers with keep-alive, then closes the connection 50 ms later, as a server's idle timeout would. */
    private static Reply closeSoon() {
        Reply reply = Reply.text(200, "closing soon\n");
        reply.closeAfterMillis = 50;
        return reply;
    }

    private static Reply status(String[] parts) {
        int code = parts.length > 1 ? intOr(parts[1], 400) : 200;
        if (code < 100 || code > 599) {
            return Reply.text(400, "invalid status code\n");
        }
        Reply reply = new Reply(code);
        if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
            reply.header(HttpHeaderNames.LOCATION, "/get");
        }
        if (code == 401) {
            reply.header(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"" + DigestChallenge.REALM + "\"");
        }
        return reply;
    }

    private static Reply delay(IncomingRequest request, String[] parts) {
        double seconds = parts.length > 1 ? doubleOr(parts[1], 1) : 1;
        Reply reply = Reply.json(200, Echo.of(request));
        reply.delayMillis = (long) (Math.min(Math.max(seconds, 0), 30) * 1000);
        return reply;
    }

    private static Reply redirect(IncomingRequest request, String[] parts, boolean absolute) {
        int n = parts.length > 1 ? intOr(parts[1], 1) : 1;
        String prefix = absolute ? request.base() : "";
        String kind = absolute ? "/absolute-redirect/" : "/redirect/";
        String location = n <= 1 ? prefix + "/get" : prefix + kind + (n - 1);
        return Reply.redirect(302, location);
    }

    private static Reply redirectTo(IncomingRequest request) {
        String url = request.param("url");
        if (url == null) {
            return Reply.text(400, "redirect-to needs ?url=\n");
        }
        String status = request.param("status_code");
        return Reply.redirect(status == null ? 302 : intOr(status, 302), url);
    }

    private static Reply cookies(IncomingRequest request, String[] parts) {
        String action = parts.length > 1 ? parts[1] : "";
        switch (action) {
            case "set" -> {
                Reply reply = Reply.redirect(302, "/cookies");
                request.query().forEach((name, values) -> reply.header(HttpHeaderNames.SET_COOKIE,
                        ServerCookieEncoder.LAX.encode(name, values.getFirst()) + "; Path=/"));
                return reply;
            }
            case "delete" -> {
                Reply reply = Reply.redirect(302, "/cookies");
                request.query().keySet().forEach(name -> reply.header(HttpHeaderNames.SET_COOKIE,
                        name + "=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"));
                return reply;
            }
            default -> {
                Map<String, String> cookies = new LinkedHashMap<>();
                for (String header : request.netty().headers().getAll(HttpHeaderNames.COOKIE)) {
                    ServerCookieDecoder.LAX.decode(header).forEach(c -> cookies.put(c.name(), c.value()));
                }
                return Reply.json(200, Map.of("cookies", cookies));
            }
        }
    }

    private static Reply bytes(String[] parts) {
        int n = parts.length > 1 ? intOr(parts[1], 0) : 0;
        if (n < 0 || n > MAX_BYTES) {
            return Reply.text(400, "bytes: 0 to " + MAX_BYTES + "\n");
        }
        Reply reply = new Reply(200);
        reply.body = new byte[n];
        for (int i = 0; i < n; i++) {
            reply.body[i] = (byte) (i % 251);
        }
        reply.header(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
        return reply;
    }

    private static Reply basicAuth(IncomingRequest request, String[] parts) {
        if (parts.length < 3) {
            return Reply.text(400, "use /basic-auth/USER/PASSWORD\n");
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((parts[1] + ":" + parts[2]).getBytes());
        if (!expected.equals(request.header(HttpHeaderNames.AUTHORIZATION))) {
            return Reply.json(401, Map.of("authenticated", false))
                    .header(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"" + DigestChallenge.REALM + "\"");
        }
        return Reply.json(200, Map.of("authenticated", true, "user", parts[1]));
    }

    private static Reply digestAuth(IncomingRequest request, String[] parts) {
        if (parts.length < 4) {
            return Reply.text(400, "use /digest-auth/QOP/USER/PASSWORD (QOP: auth or none)\n");
        }
        String uri = request.netty().uri();
        String authorization = request.header(HttpHeaderNames.AUTHORIZATION);
        if (!DigestChallenge.verify(authorization, request.method(), parts[2], parts[3])
                || !uri.equals(DigestChallenge.parse(authorization.substring(7)).get("uri"))) {
            return Reply.json(401, Map.of("authenticated", false))
                    .header(HttpHeaderNames.WWW_AUTHENTICATE, DigestChallenge.challenge(parts[1]));
        }
        return Reply.json(200, Map.of("authenticated", true, "user", parts[2]));
    }

    private static Reply responseHeaders(IncomingRequest request) {
        Reply reply = Reply.json(200, request.query());
        request.query().forEach((name, values) -> values.forEach(v -> reply.header(name, v)));
        return reply;
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static int intOr(String text, int fallback) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double doubleOr(String text, double fallback) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
