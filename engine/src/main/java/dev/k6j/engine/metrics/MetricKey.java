package dev.k6j.engine.metrics;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.spi.TagSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A metric or sub-metric, as thresholds name it: {@code http_req_duration} or
 * {@code http_req_duration{status:200,method:GET}}. Immutable.
 *
 * <p>Parsed as k6 does ({@code metrics.ParseMetricName} and {@code Metric.AddSubmetric}): the filter is split at
 * commas, each {@code tag:value} at its <em>first</em> colon (so {@code group:::a} is the tag {@code group} with value
 * {@code ::a}), and names and values are trimmed of spaces and then of quotes ({@code {name:"x"}} means {@code x}).
 *
 * @param name   the canonical name: the parent name alone, or {@code parent{filter}} with the filter text trimmed;
 *               this is the name the sub-metric has in snapshots and the summary
 * @param parent the metric the samples come from
 * @param filter the tags a sample must carry to feed the sub-metric; empty for a plain metric
 */
public record MetricKey(String name, String parent, TagSet filter) {

    public MetricKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(filter, "filter");
    }

    /** A plain metric. */
    public static MetricKey of(String metricName) {
        return new MetricKey(metricName, metricName, TagSet.EMPTY);
    }

    /** Whether this names a sub-metric (it has a tag filter). */
    public boolean isSubmetric() {
        return !name.equals(parent);
    }

    /** The filter text between the braces ({@code status:200}), or empty for a plain metric. */
    public String suffix() {
        return isSubmetric() ? name.substring(parent.length() + 1, name.length() - 1) : "";
    }

    /**
     * Parses a threshold key.
     *
     * @throws K6jException (invalid config) if the braces or a {@code tag:value} pair are malformed
     */
    public static MetricKey parse(String key) {
        int open = key.indexOf('{');
        int close = key.lastIndexOf('}');
        if (open < 0 && close < 0) {
            return of(key);
        }
        if (open < 0 || close < 0) {
            throw malformed(key, "it has an unmatched curly brace");
        }
        if (close < open) {
            throw malformed(key, "its closing curly brace comes before the opening one");
        }
        if (close != key.length() - 1) {
            throw malformed(key, "it does not end with its closing curly brace");
        }
        String parent = key.substring(0, open);
        String inner = key.substring(open + 1, close);
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : inner.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon < 0 || colon == pair.length() - 1) {
                throw malformed(key, "'" + pair + "' is not a tag:value pair");
            }
            tags.put(unquote(pair.substring(0, colon)), unquote(pair.substring(colon + 1)));
        }
        return new MetricKey(parent + "{" + inner.trim() + "}", parent, TagSet.of(tags));
    }

    private static String unquote(String text) {
        String trimmed = text.strip();
        int start = 0;
        int end = trimmed.length();
        while (start < end && isQuote(trimmed.charAt(start))) {
            start++;
        }
        while (end > start && isQuote(trimmed.charAt(end - 1))) {
            end--;
        }
        return trimmed.substring(start, end);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static K6jException malformed(String key, String why) {
        return K6jException.invalidConfig("invalid threshold metric '" + key + "': " + why
                + "; write a metric name, optionally with a tag filter such as 'http_req_duration{status:200}'");
    }

    @Override
    public String toString() {
        return name;
    }
}
