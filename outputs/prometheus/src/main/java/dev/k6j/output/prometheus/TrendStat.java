package dev.k6j.output.prometheus;

import dev.k6j.sinks.TrendValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One statistic sent for each trend series when trends are mapped to gauges: {@code count}, {@code sum},
 * {@code min}, {@code max}, {@code avg}, {@code med} or {@code p(N)}. Immutable.
 *
 * @param name   as configured, e.g. {@code p(99.9)}
 * @param suffix the series name suffix, as k6 makes it: {@code p(99.9)} → {@code p999}, {@code p(0.95)} →
 *               {@code p095}; the name itself for the others
 * @param value  reads the statistic from a trend
 * @param inUnit whether the value is in the metric's unit (and so converted from milliseconds to seconds for a
 *               time trend); false only for {@code count}
 */
record TrendStat(String name, String suffix, ToDoubleFunction<TrendValues> value, boolean inUnit) {

    /** k6's default, {@code p(99)}. */
    static final List<String> DEFAULT = List.of("p(99)");

    /**
     * Parses the configured stat names, in order, dropping repeats.
     *
     * @throws IllegalArgumentException naming the first stat that is not one of the known ones
     */
    static List<TrendStat> parseAll(List<String> names) {
        Map<String, TrendStat> stats = new LinkedHashMap<>();
        for (String name : names) {
            TrendStat stat = parse(name.strip());
            stats.putIfAbsent(stat.suffix(), stat);
        }
        if (stats.isEmpty()) {
            throw new IllegalArgumentException("trendStats is empty: name at least one of count, sum, min, max, avg,"
                    + " med, p(N)");
        }
        return List.copyOf(new ArrayList<>(stats.values()));
    }

    static TrendStat parse(String name) {
        return switch (name) {
            case "count" -> new TrendStat(name, name, t -> t.count(), false);
            case "sum" -> new TrendStat(name, name, TrendValues::sum, true);
            case "min" -> new TrendStat(name, name, TrendValues::min, true);
            case "max" -> new TrendStat(name, name, TrendValues::max, true);
            case "avg" -> new TrendStat(name, name, TrendValues::avg, true);
            case "med" -> new TrendStat(name, name, TrendValues::med, true);
            default -> percentile(name);
        };
    }

    private static TrendStat percentile(String name) {
        if (!name.startsWith("p(") || !name.endsWith(")")) {
            throw unknown(name);
        }
        String number = name.substring(2, name.length() - 1);
        double percentile;
        try {
            percentile = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw unknown(name);
        }
        if (!(percentile >= 0 && percentile <= 100) || number.isBlank()) {
            throw unknown(name);
        }
        return new TrendStat(name, "p" + number.replace(".", ""), t -> t.percentile(percentile), true);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("'" + name + "' is not a trend stat: use count, sum, min, max, avg, med"
                + " or p(N) with N from 0 to 100, such as p(95)");
    }
}
