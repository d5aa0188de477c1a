package dev.k6j.output.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code influxdb.tagsAsFields} setting: tags (and metadata such as {@code vu} and {@code iter}) written as
 * InfluxDB fields instead of tags, each with a type, as k6's InfluxDB output reads it: {@code url},
 * {@code vu:int}, {@code iter:int}, {@code ratio:float}, {@code ok:bool}; no type means string. Immutable.
 *
 * @param kinds the field type of each tag name, in the order given
 */
record TagsAsFields(Map<String, Kind> kinds) {

    /** k6's default: {@code vu,iter,url}, all strings. */
    static final List<String> DEFAULT = List.of("vu", "iter", "url");

    /** The type a tag's text becomes as a field; text that does not parse as that type stays a string. */
    enum Kind { STRING, INT, FLOAT, BOOL }

    TagsAsFields {
        kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    }

    /**
     * Reads {@code name[:type]} items.
     *
     * @throws IllegalArgumentException for an unknown type or a name given twice, as k6 refuses them
     */
    static TagsAsFields parse(List<String> items) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (String item : items) {
            int colon = item.indexOf(':');
            String name = (colon < 0 ? item : item.substring(0, colon)).strip();
            String type = colon < 0 ? "string" : item.substring(colon + 1).strip();
            if (kinds.containsKey(name)) {
                throw new IllegalArgumentException("influxdb.tagsAsFields: the tag '" + name
                        + "' is listed more than once");
            }
            Kind kind = switch (type) {
                case "string" -> Kind.STRING;
                case "int" -> Kind.INT;
                case "float" -> Kind.FLOAT;
                case "bool" -> Kind.BOOL;
                default -> throw new IllegalArgumentException("influxdb.tagsAsFields: '" + type + "' (for '" + name
                        + "') is not a field type: use string, int, float or bool");
            };
            kinds.put(name, kind);
        }
        return new TagsAsFields(kinds);
    }

    /** Whether {@code tag} is written as a field. */
    boolean contains(String tag) {
        return kinds.containsKey(tag);
    }

    /** The items as the setting writes them, e.g. {@code [vu:int, url]}. */
    List<String> describe() {
        return kinds.entrySet().stream().map(e -> e.getValue() == Kind.STRING ? e.getKey()
                : e.getKey() + ":" + e.getValue().name().toLowerCase(Locale.ROOT)).toList();
    }
}
