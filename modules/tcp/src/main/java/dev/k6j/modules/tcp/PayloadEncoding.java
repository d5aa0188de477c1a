package dev.k6j.modules.tcp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code write}'s {@code encoding} for string data, as xk6-tcp has it: {@code utf8}/{@code utf-8} (the default) and
 * {@code ascii} send the string's UTF-8 bytes; {@code base64}, {@code base64url} and {@code hex} send the bytes the
 * string encodes. Stateless.
 */
final class PayloadEncoding {

    private PayloadEncoding() {
    }

    /**
     * The bytes to send for {@code text}.
     *
     * @param encoding the option as given, or {@code null}
     * @throws IllegalArgumentException for an unknown encoding or text that is not valid in it
     */
    static byte[] bytes(String text, String encoding) {
        String name = encoding == null ? "utf8" : encoding.toLowerCase(Locale.ROOT);
        if (name.equals("utf8") || name.equals("utf-8") || name.equals("ascii")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (!name.equals("base64") && !name.equals("base64url") && !name.equals("hex")) {
            throw new IllegalArgumentException("unsupported encoding '" + encoding
                    + "': use utf8, ascii, base64, base64url or hex");
        }
        try {
            return switch (name) {
                case "base64" -> Base64.getDecoder().decode(text);
                case "base64url" -> Base64.getUrlDecoder().decode(text);
                default -> HexFormat.of().parseHex(text);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + name + " data: " + e.getMessage(), e);
        }
    }
}
