package dev.k6j.spi.format;

/**
 * JSON string literals escaped as k6's JSON output escapes them (easyjson's writer): quote and backslash with a
 * backslash, newline, carriage return and tab as {@code \n \r \t}, other control characters, U+2028 and
 * U+2029 as six-character unicode escapes (lowercase hex), broken surrogates as the escape of U+FFFD, and — when
 * {@code escapeHtml} — {@code < > &} as the escapes of U+003C, U+003E and U+0026.
 * Stateless; any thread.
 */
public final class JsonStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    /** Appends {@code text} as a quoted JSON string. */
    public static void append(StringBuilder out, String text, boolean escapeHtml) {
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&' -> {
                    if (escapeHtml) {
                        appendUnicode(out, c);
                    } else {
                        out.append(c);
                    }
                }
                case '\u2028', '\u2029' -> appendUnicode(out, c);
                default -> {
                    if (c < 0x20) {
                        appendUnicode(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < length
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void appendUnicode(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }
}
