package dev.k6j.engine.httpclient;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes an object body the way k6 does: {@code application/x-www-form-urlencoded} (keys sorted, as Go's
 * {@code url.Values.Encode}), or {@code multipart/form-data} when a value is an {@code http.file()}. Stateless.
 */
public final class BodyEncoder {

    /** A file part ({@code http.file(data, filename, contentType)}). */
    public record FilePart(byte[] data, String filename, String contentType) {
    }

    /** An encoded body and the content type it needs. */
    public record Encoded(byte[] body, String contentType) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private BodyEncoder() {
    }

    /**
     * @param fields field name to a String, a {@code List<String>} (several values) or a {@link FilePart}
     */
    public static Encoded encode(Map<String, Object> fields) {
        boolean multipart = fields.values().stream().anyMatch(FilePart.class::isInstance);
        return multipart ? multipart(fields) : form(fields);
    }

    private static Encoded form(Map<String, Object> fields) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, Object> field : new TreeMap<>(fields).entrySet()) {
            List<?> values = field.getValue() instanceof List<?> list ? list : List.of(field.getValue());
            for (Object value : values) {
                pairs.add(escape(field.getKey()) + "=" + escape(String.valueOf(value)));
            }
        }
        return new Encoded(String.join("&", pairs).getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
    }

    private static Encoded multipart(Map<String, Object> fields) {
        String boundary = HexFormat.of().formatHex(RANDOM.generateSeed(30));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            write(out, "--" + boundary + "\r\n");
            if (field.getValue() instanceof FilePart file) {
                write(out, "Content-Disposition: form-data; name=\"" + quote(field.getKey()) + "\"; filename=\""
                        + quote(file.filename()) + "\"\r\n");
                write(out, "Content-Type: " + file.contentType() + "\r\n\r\n");
                out.writeBytes(file.data());
            } else {
                write(out, "Content-Disposition: form-data; name=\"" + quote(field.getKey()) + "\"\r\n\r\n");
                Object value = field.getValue() instanceof List<?> list && !list.isEmpty() ? list.getFirst()
                        : field.getValue();
                write(out, String.valueOf(value));
            }
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return new Encoded(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
