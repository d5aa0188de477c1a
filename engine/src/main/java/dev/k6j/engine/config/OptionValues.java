package dev.k6j.engine.config;

import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of JSON-like option values, each failing with a message that names the option. */
public final class OptionValues {

    private OptionValues() {
    }

    public static Long wholeNumber(Object value, String what) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (value instanceof String s && s.trim().matches("-?\\d+")) {
            return Long.parseLong(s.trim());
        }
        throw K6jException.invalidConfig(what + " must be a whole number, got " + describe(value));
    }

    public static long nonNegative(Object value, String what, long defaultValue) {
        Long number = wholeNumber(value, what);
        if (number == null) {
            return defaultValue;
        }
        if (number < 0) {
            throw K6jException.invalidConfig(what + " must not be negative, got " + number);
        }
        return number;
    }

    public static Duration duration(Object value, String what, Duration defaultValue) {
        return value == null ? defaultValue : Durations.parse(value, what);
    }

    public static boolean bool(Object value, String what, boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw K6jException.invalidConfig(what + " must be true or false, got " + describe(value));
    }

    public static String string(Object value, String what, String defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String s) {
            return s;
        }
        throw K6jException.invalidConfig(what + " must be a string, got " + describe(value));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw K6jException.invalidConfig(what + " must be an object, got " + describe(value));
    }

    /** An object of string values (tags, env); numbers and booleans become their text. */
    public static Map<String, String> stringMap(Object value, String what) {
        Map<String, String> result = new LinkedHashMap<>();
        object(value, what).forEach((k, v) -> {
            if (v instanceof Map || v instanceof List) {
                throw K6jException.invalidConfig(what + "." + k + " must be a string, got " + describe(v));
            }
            if (v != null) {
                result.put(k, String.valueOf(v));
            }
        });
        return result;
    }

    public static List<Object> list(Object value, String what) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw K6jException.invalidConfig(what + " must be an array, got " + describe(value));
    }

    /** A list of strings, also accepting one comma-separated string. */
    public static List<String> stringList(Object value, String what) {
        if (value instanceof String s) {
            return s.isBlank() ? List.of() : List.of(s.trim().split("\\s*,\\s*"));
        }
        List<String> result = new ArrayList<>();
        for (Object item : list(value, what)) {
            if (!(item instanceof String s)) {
                throw K6jException.invalidConfig(what + " must list strings, got " + describe(item));
            }
            result.add(s);
        }
        return result;
    }

    static String describe(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return String.valueOf(value);
    }
}
