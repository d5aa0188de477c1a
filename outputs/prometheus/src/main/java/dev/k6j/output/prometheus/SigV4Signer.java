package dev.k6j.output.prometheus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for remote-write to Amazon Managed Service for Prometheus (service {@code aps}), as k6's
 * output signs: {@code x-amz-date} and {@code x-amz-content-sha256} headers, every header signed except
 * {@code Authorization}, {@code User-Agent}, {@code X-Amzn-Trace-Id} and {@code Expect}, and the
 * {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…} header. Immutable; thread-safe.
 *
 * @param region    the AWS region, e.g. {@code us-east-1}
 * @param accessKey the access key id
 * @param secretKey the secret access key
 * @param service   the service name; {@code aps} for Prometheus
 */
record SigV4Signer(String region, String accessKey, String secretKey, String service) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** Amazon Managed Service for Prometheus. */
    static final String PROMETHEUS_SERVICE = "aps";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final Set<String> NOT_SIGNED = Set.of("authorization", "user-agent", "x-amzn-trace-id", "expect");

    /**
     * The headers to add to a request so it is signed: {@code X-Amz-Date}, {@code X-Amz-Content-Sha256} and
     * {@code Authorization}.
     *
     * @param method  the HTTP method
     * @param url     the request URL (its host and port are what the client sends as {@code Host})
     * @param headers the other headers the request carries
     * @param body    the request body
     * @param now     the signing time
     */
    Map<String, String> sign(String method, URI url, Map<String, String> headers, byte[] body, Instant now) {
        String payloadHash = HexFormat.of().formatHex(sha256(body));
        Map<String, String> signedHeaders = new LinkedHashMap<>(headers);
        signedHeaders.put("X-Amz-Date", DATE_TIME.format(now));
        signedHeaders.put("X-Amz-Content-Sha256", payloadHash);
        Map<String, String> added = new LinkedHashMap<>();
        added.put("X-Amz-Date", signedHeaders.get("X-Amz-Date"));
        added.put("X-Amz-Content-Sha256", payloadHash);
        added.put("Authorization", authorization(method, url, signedHeaders, body.length, payloadHash, now));
        return added;
    }

    /** The {@code Authorization} header for a request whose headers already hold {@code x-amz-date}. */
    String authorization(String method, URI url, Map<String, String> headers, long contentLength, String payloadHash,
                         Instant now) {
        TreeMap<String, List<String>> canonical = new TreeMap<>();
        canonical.put("host", List.of(url.getRawAuthority().replaceFirst("^.*@", "")));
        if (contentLength > 0) {
            canonical.put("content-length", List.of(Long.toString(contentLength)));
        }
        headers.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!NOT_SIGNED.contains(key) && !key.equals("content-length") && !key.equals("host")) {
                canonical.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        });
        StringBuilder canonicalHeaders = new StringBuilder();
        canonical.forEach((name, values) -> {
            canonicalHeaders.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                canonicalHeaders.append(i > 0 ? "," : "").append(collapseSpaces(values.get(i)));
            }
            canonicalHeaders.append('\n');
        });
        String signedHeaders = String.join(";", canonical.keySet());
        String canonicalRequest = String.join("\n", method, canonicalPath(url), canonicalQuery(url),
                canonicalHeaders.toString(), signedHeaders, payloadHash);
        String scope = DATE.format(now) + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = String.join("\n", ALGORITHM, DATE_TIME.format(now), scope,
                HexFormat.of().formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), DATE.format(now));
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
        return ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    /** The URL with its query in canonical form, as k6 sends a signed request. */
    static URI canonicalUrl(URI url) {
        String query = canonicalQuery(url);
        if (query.isEmpty()) {
            return url;
        }
        String text = url.toString();
        int at = text.indexOf('?');
        int fragment = text.indexOf('#');
        return URI.create(text.substring(0, at) + "?" + query + (fragment >= 0 ? text.substring(fragment) : ""));
    }

    /** The path, each byte outside {@code A-Za-z0-9-_.~/} percent-encoded; {@code /} when empty. */
    static String canonicalPath(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        StringBuilder escaped = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c) || c == '/') {
                escaped.append(c);
            } else {
                escaped.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return escaped.toString();
    }

    /** The query as Go's {@code url.Values.Encode} writes it (sorted by key, then value), spaces as {@code %20}. */
    static String canonicalQuery(URI url) {
        String raw = url.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> values = new TreeMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        List<String> parts = new ArrayList<>();
        values.forEach((key, list) -> list.stream().sorted().forEach(value -> parts.add(escape(key) + "=" + escape(value))));
        return String.join("&", parts);
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c)) {
                escaped.append(c);
            } else {
                escaped.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return escaped.toString();
    }

    private static boolean isUnreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    /** Never shows the secret key. */
    @Override
    public String toString() {
        return "SigV4Signer[region=" + region + ", accessKey=" + accessKey + ", service=" + service + "]";
    }

    /** Trims and turns each run of spaces and tabs into one space. */
    static String collapseSpaces(String value) {
        return value.strip().replaceAll("[ \\t]+", " ");
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }
}
