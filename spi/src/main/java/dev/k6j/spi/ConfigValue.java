package dev.k6j.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One setting's value as an output reads it from one of its sources (a JSON config section, an environment
 * variable, the {@code --out} argument), with the place it came from for the error message. Reads JSON values
 * (booleans, numbers, arrays) and text alike, with k6's rules ({@link GoValues}). Immutable.
 *
 * <pre>{@code
 * ConfigValue value = new ConfigValue("K6_X_PUSH_INTERVAL", env.get("K6_X_PUSH_INTERVAL"));
 * pushInterval = value.duration();   // "5s", "500" (ms), 5000 from JSON
 * }</pre>
 *
 * @param where names the setting in messages, e.g. {@code K6_KAFKA_SSL} or {@code --out kafka ssl}
 * @param value the raw value: text, or what a JSON parser made (Boolean, Number, List, Map)
 */
public record ConfigValue(String where, Object value) {

    /** The value as text; a list or an object is an error. */
    public String text() {
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            throw new IllegalArgumentException(where + " must be a single value, not " + value);
        }
        return String.valueOf(value);
    }

    /** A JSON boolean, or text as Go's {@code strconv.ParseBool} reads it. */
    public boolean bool() {
        if (value instanceof Boolean b) {
            return b;
        }
        return GoValues.parseBool(String.valueOf(value).strip()).orElseThrow(() -> new IllegalArgumentException(
                where + " must be true or false, not '" + value + "'"));
    }

    /** A duration: text as k6 reads it ({@code 500ms}, {@code 1m30s}), or a number of milliseconds. */
    public Duration duration() {
        try {
            return GoValues.durationValue(value instanceof String text ? text.strip() : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " '" + value + "' is not a duration: write it like 1s, 500ms"
                    + " or 1m30s", e);
        }
    }

    /** A list: a JSON array, or text with the items separated by commas (as Go's envconfig splits it). */
    public List<String> list() {
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> items.add(String.valueOf(item).strip()));
        } else {
            for (String item : String.valueOf(value).split(",")) {
                items.add(item.strip());
            }
        }
        items.removeIf(String::isEmpty);
        return items;
    }
}
