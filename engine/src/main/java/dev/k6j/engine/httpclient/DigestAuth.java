package dev.k6j.engine.httpclient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client side of HTTP Digest authentication ({@code params.auth: 'digest'}, credentials in the URL): answers a
 * {@code WWW-Authenticate: Digest ...} challenge with an {@code Authorization} header (MD5 or SHA-256, with
 * {@code qop=auth} or without). Stateless.
 */
final class DigestAuth {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestAuth() {
    }

    /** The digest challenge among the {@code WWW-Authenticate} values, or {@code null}. */
    static String challenge(Iterable<String> wwwAuthenticate) {
        for (String value : wwwAuthenticate) {
            if (value.regionMatches(true, 0, "Digest ", 0, 7)) {
                return value.substring(7);
            }
        }
        return null;
    }

    /** The {@code Authorization} value answering {@code challenge} for one request. */
    static String authorization(String challenge, String method, String requestTarget, String user, String password) {
        Map<String, String> params = parse(challenge);
        String realm = params.getOrDefault("realm", "");
        String nonce = params.getOrDefault("nonce", "");
        String algorithm = params.getOrDefault("algorithm", "MD5");
        String hashName = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        String qop = params.get("qop");
        boolean auth = qop != null && java.util.Arrays.stream(qop.split(",")).map(String::trim).anyMatch("auth"::equals);
        String ha1 = hash(hashName, user + ":" + realm + ":" + password);
        String ha2 = hash(hashName, method + ":" + requestTarget);
        StringBuilder header = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(requestTarget)
                .append('"');
        String response;
        if (auth) {
            String nc = "00000001";
            String cnonce = HexFormat.of().formatHex(RANDOM.generateSeed(8));
            response = hash(hashName, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        } else {
            response = hash(hashName, ha1 + ":" + nonce + ":" + ha2);
        }
        header.append(", response=\"").append(response).append("\", algorithm=").append(algorithm);
        if (params.containsKey("opaque")) {
            header.append(", opaque=\"").append(params.get("opaque")).append('"');
        }
        return header.toString();
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < text.length() && text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                end = end < 0 ? text.length() : end;
                value = text.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = text.indexOf(',', i);
                end = end < 0 ? text.length() : end;
                value = text.substring(i, end).trim();
                i = end;
            }
            params.put(name, value);
        }
        return params;
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
