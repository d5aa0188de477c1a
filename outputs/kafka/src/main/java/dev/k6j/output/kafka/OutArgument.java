package dev.k6j.output.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text after {@code --out kafka=} as xk6-output-kafka does (Helm's {@code strvals}): {@code key=value}
 * pairs separated by commas, a value in braces is a list ({@code brokers={b1:9092,b2:9092}}), a dotted key is a
 * nested one ({@code influxdb.tagsAsFields={url,vu:int}}), and a backslash escapes the next character
 * ({@code \,}). Values stay text; the caller decides what they mean. Stateless.
 */
final class OutArgument {

    private OutArgument() {
    }

    /**
     * The pairs in order, nested by dotted keys; a value is a {@code String} or a {@code List<String>}.
     *
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    static Map<String, Object> parse(String argument) {
        Map<String, Object> result = new LinkedHashMap<>();
        String text = argument == null ? "" : argument.strip();
        int at = 0;
        while (at < text.length()) {
            int equals = find(text, at, '=');
            int comma = find(text, at, ',');
            if (equals < 0 || (comma >= 0 && comma < equals)) {
                String part = text.substring(at, comma < 0 ? text.length() : comma);
                throw new IllegalArgumentException("could not read '" + part + "' in --out kafka=" + text
                        + ": give key=value pairs such as brokers={localhost:9092},topic=k6,format=json");
            }
            String key = unescape(text.substring(at, equals)).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("a key is missing before '=' in --out kafka=" + text);
            }
            Object value;
            int next;
            if (equals + 1 < text.length() && text.charAt(equals + 1) == '{') {
                int close = find(text, equals + 2, '}');
                if (close < 0) {
                    throw new IllegalArgumentException("the list of '" + key + "' has no closing '}' in --out kafka="
                            + text);
                }
                value = list(text.substring(equals + 2, close));
                next = close + 1;
                if (next < text.length() && text.charAt(next) != ',') {
                    throw new IllegalArgumentException("expected ',' after the list of '" + key + "' in --out kafka="
                            + text);
                }
            } else {
                int end = find(text, equals + 1, ',');
                next = end < 0 ? text.length() : end;
                value = unescape(text.substring(equals + 1, next));
            }
            put(result, key, value);
            at = next + 1;
        }
        return result;
    }

    private static List<String> list(String inside) {
        List<String> items = new ArrayList<>();
        int at = 0;
        while (at <= inside.length()) {
            int comma = find(inside, at, ',');
            int end = comma < 0 ? inside.length() : comma;
            String item = unescape(inside.substring(at, end)).strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
            at = end + 1;
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String key, Object value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            into.put(key, value);
            return;
        }
        Object inner = into.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<String, Object>());
        if (!(inner instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("'" + key.substring(0, dot) + "' is given both as a value and as"
                    + " a group of keys in --out kafka");
        }
        put((Map<String, Object>) inner, key.substring(dot + 1), value);
    }

    /** The index of the first unescaped {@code c} at or after {@code from}, or -1. */
    private static int find(String text, int from, char c) {
        for (int i = from; i < text.length(); i++) {
            char here = text.charAt(i);
            if (here == '\\') {
                i++;
            } else if (here == c) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
