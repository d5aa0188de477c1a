package dev.k6j.testbed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Server side of HTTP Digest authentication (RFC 7616, MD5, with or without {@code qop=auth}). Stateless. */
final class DigestChallenge {

    static final String REALM = "k6j-testbed";

    private DigestChallenge() {
    }

    /** The {@code WWW-Authenticate} value of a fresh challenge. */
    static String challenge(String qop) {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String opaque = UUID.randomUUID().toString().replace("-", "");
        return "Digest realm=\"" + REALM + "\", " + (qop.equals("auth") ? "qop=\"auth\", " : "")
                + "nonce=\"" + nonce + "\", opaque=\"" + opaque + "\", algorithm=MD5";
    }

    /** Whether an {@code Authorization} header answers a challenge correctly for that user and password. */
    static boolean verify(String authorization, String method, String user, String password) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> params = parse(authorization.substring(7));
        if (!user.equals(params.get("username")) || !REALM.equals(params.get("realm"))) {
            return false;
        }
        String ha1 = md5(user + ":" + REALM + ":" + password);
        String ha2 = md5(method + ":" + params.get("uri"));
        String expected = params.containsKey("qop")
                ? md5(ha1 + ":" + params.get("nonce") + ":" + params.get("nc") + ":" + params.get("cnonce") + ":"
                        + params.get("qop") + ":" + ha2)
                : md5(ha1 + ":" + params.get("nonce") + ":" + ha2);
        return expected.equals(params.get("response"));
    }

    /** {@code a="b", c=d} into a map. */
    static Map<String, String> parse(String text) {
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
            String name = text.substring(i, eq).trim();
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

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
