package dev.k6j.output.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.testkit.OutputTestKit.Delivered;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back what the output put on a topic: JSON Point records and InfluxDB lines. Stateless. */
final class Records {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** measurement[,tags] fields timestamp, with backslash escapes in the first two parts. */
    private static final Pattern LINE = Pattern.compile("((?:[^ \\\\]|\\\\.)+) ((?:[^ \\\\\"]|\\\\.|\"(?:[^\"\\\\]|\\\\.)*\")+) (-?\\d+)");

    private Records() {
    }

    /** A JSON record, parsed; fails on anything but one JSON object. */
    static JsonNode json(String record) {
        try {
            JsonNode node = JSON.readTree(record);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object: " + record);
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + record, e);
        }
    }

    /** A JSON Point record as the contract kit compares it. */
    static Delivered fromJson(String record) {
        JsonNode point = json(record);
        return new Delivered(point.get("metric").asText(), point.at("/data/value").asDouble());
    }

    /** One InfluxDB line, split into its parts; fails on anything that is not line protocol. */
    static InfluxLine influx(String record) {
        Matcher line = LINE.matcher(record);
        if (!line.matches()) {
            throw new IllegalArgumentException("not InfluxDB line protocol: " + record);
        }
        String[] key = splitUnescaped(line.group(1), ',');
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; i < key.length; i++) {
            String[] pair = splitUnescaped(key[i], '=');
            tags.put(unescape(pair[0]), unescape(pair[1]));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : splitUnescaped(line.group(2), ',')) {
            String[] pair = splitUnescaped(field, '=');
            fields.put(unescape(pair[0]), pair[1]);
        }
        return new InfluxLine(unescape(key[0]), tags, fields, Long.parseLong(line.group(3)));
    }

    /** One parsed line: the raw field values keep their type marks ({@code 3i}, {@code "text"}). */
    record InfluxLine(String measurement, Map<String, String> tags, Map<String, String> fields, long timeNanos) {
        double value() {
            return Double.parseDouble(fields.get("value"));
        }
    }

    private static String[] splitUnescaped(String text, char separator) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                part.append(c);
            } else if (c == separator && !quoted && (separator != '=' || parts.isEmpty())) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts.toArray(String[]::new);
    }

    private static String unescape(String text) {
        return text.replaceAll("\\\\(.)", "$1");
    }
}
