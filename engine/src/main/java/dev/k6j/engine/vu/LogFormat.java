package dev.k6j.engine.vu;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a log line looks, as k6's logrus formatters write it: on a terminal {@code INFO[0003] message}; elsewhere
 * logfmt, {@code time="…" level=info msg="…" source=console}; with {@code --log-format json} one JSON object a
 * line (keys sorted); with {@code --log-format raw} the message alone.
 */
public enum LogFormat {
    /** k6's terminal form (k6j adds the VU: {@code INFO[0003] [VU 2] message}). */
    TEXT,
    /** logrus's text formatter without a terminal: {@code time="…" level=info msg=… source=console}. */
    LOGFMT,
    /** logrus's JSON formatter. */
    JSON,
    /** the message alone. */
    RAW;

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** The format {@code --log-format} names; anything else is k6's default text form ({@code null}). */
    public static LogFormat named(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "raw" -> RAW;
            default -> null;
        };
    }

    /** k6's (logrus's) name of a level. */
    static String levelName(String level) {
        return switch (level) {
            case "warn" -> "warning";
            case "error" -> "error";
            case "debug" -> "debug";
            default -> "info";
        };
    }

    /** One line in this format (not the terminal one, which {@link ConsoleLog} draws with its clock and colours). */
    public String line(String level, String message, Map<String, String> fields) {
        String time = RFC3339.format(OffsetDateTime.now(ZoneId.systemDefault()));
        return switch (this) {
            case RAW -> message;
            case JSON -> json(time, level, message, fields);
            default -> logfmt(time, level, message, fields);
        };
    }

    private static String logfmt(String time, String level, String message, Map<String, String> fields) {
        StringBuilder line = new StringBuilder();
        line.append("time=").append(logfmtValue(time)).append(" level=").append(levelName(level))
                .append(" msg=").append(logfmtValue(message));
        fields.forEach((key, value) -> line.append(' ').append(key).append('=').append(logfmtValue(value)));
        return line.toString();
    }

    private static String json(String time, String level, String message, Map<String, String> fields) {
        Map<String, String> entry = new TreeMap<>(fields);
        entry.put("level", levelName(level));
        entry.put("msg", message);
        entry.put("time", time);
        StringBuilder line = new StringBuilder("{");
        entry.forEach((key, value) -> {
            if (line.length() > 1) {
                line.append(',');
            }
            line.append(goQuote(key)).append(':').append(goQuote(value));
        });
        return line.append('}').toString();
    }

    /** logrus quotes a value unless it is made of letters, digits and {@code -._/@^+}. */
    private static String logfmtValue(String value) {
        boolean plain = !value.isEmpty() && value.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9' || "-._/@^+".indexOf(c) >= 0);
        return plain ? value : goQuote(value);
    }

    /** A string quoted with Go's escapes for quotes, backslashes and control characters. */
    private static String goQuote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
