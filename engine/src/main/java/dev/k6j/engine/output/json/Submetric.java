package dev.k6j.engine.output.json;

import dev.k6j.spi.TagSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sub-metric defined by a threshold on {@code metric{tag:value,…}}, as k6 lists it in a JSON output
 * {@code Metric} line. Immutable.
 *
 * @param parent the metric name before the braces
 * @param name   the whole name, e.g. {@code http_req_duration{status:200}}
 * @param suffix the text inside the braces, e.g. {@code status:200}
 * @param tags   the tags the suffix selects
 */
public record Submetric(String parent, String name, String suffix, TagSet tags) {

    /** The sub-metric a threshold key defines, if the key has braces (k6's {@code Metric.AddSubmetric} rules). */
    public static Optional<Submetric> fromThresholdKey(String key) {
        int open = key.indexOf('{');
        if (open < 0 || !key.endsWith("}")) {
            return Optional.empty();
        }
        String parent = key.substring(0, open);
        String suffix = key.substring(open + 1, key.length() - 1).strip();
        if (suffix.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : suffix.split(",", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int colon = pair.indexOf(':');
            String tagName = unquote(colon < 0 ? pair : pair.substring(0, colon));
            tags.put(tagName, colon < 0 ? "" : unquote(pair.substring(colon + 1)));
        }
        return Optional.of(new Submetric(parent, parent + "{" + suffix + "}", suffix, TagSet.of(tags)));
    }

    /** The sub-metrics the threshold keys define, grouped by parent metric name, in key order. */
    public static Map<String, List<Submetric>> fromThresholds(Iterable<String> thresholdKeys) {
        Map<String, List<Submetric>> byParent = new LinkedHashMap<>();
        for (String key : thresholdKeys) {
            fromThresholdKey(key).ifPresent(sm -> {
                List<Submetric> list = byParent.computeIfAbsent(sm.parent(), p -> new ArrayList<>());
                if (list.stream().noneMatch(other -> other.tags().equals(sm.tags()))) {
                    list.add(sm);
                }
            });
        }
        byParent.replaceAll((parent, list) -> List.copyOf(list));
        return byParent;
    }

    private static String unquote(String text) {
        String s = text.strip();
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '"' || s.charAt(start) == '\'')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '"' || s.charAt(end - 1) == '\'')) {
            end--;
        }
        return s.substring(start, end);
    }
}
