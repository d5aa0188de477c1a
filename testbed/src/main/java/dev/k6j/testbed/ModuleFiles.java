package dev.k6j.testbed;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code /modules/{path}}: JavaScript and TypeScript modules for scripts to import over {@code https://}, as they
 * import jslib (k6j's remote-module tests and example). They live in this jar under
 * {@code dev/k6j/testbed/modules/}. Answers carry an {@code ETag} and honour {@code If-None-Match} (304).
 */
final class ModuleFiles {

    private static final String ROOT = "modules/";

    private ModuleFiles() {
    }

    static Reply serve(IncomingRequest request, String[] parts) {
        String path = String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length));
        if (path.isEmpty() || path.contains("..")) {
            return Reply.json(404, Map.of("error", "no such module: " + request.path()));
        }
        byte[] body;
        try (InputStream in = ModuleFiles.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return Reply.json(404, Map.of("error", "no such module: " + request.path()));
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            return Reply.json(500, Map.of("error", e.toString()));
        }
        String etag = "\"" + hash(body) + "\"";
        if (etag.equals(request.header("If-None-Match"))) {
            return new Reply(304).header(HttpHeaderNames.ETAG, etag);
        }
        Reply reply = new Reply(200);
        reply.body = body;
        reply.headers.set(HttpHeaderNames.CONTENT_TYPE, path.endsWith(".ts") ? "application/typescript"
                : "application/javascript; charset=utf-8");
        return reply.header(HttpHeaderNames.ETAG, etag);
    }

    private static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
