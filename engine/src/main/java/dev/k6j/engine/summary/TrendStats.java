package dev.k6j.engine.summary;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.sinks.TrendValues;
import java.util.List;
import java.util.Set;

/**
 * The trend statistics a summary shows ({@code summaryTrendStats}), validated as k6's
 * {@code GetResolversForTrendColumns}: {@code avg}, {@code min}, {@code med}, {@code max}, {@code count} and
 * {@code p(N)} with N from 0 to 100. Immutable.
 *
 * @param stats the statistics, in the order they are shown
 */
public record TrendStats(List<String> stats) {

    /** k6's default: {@code avg, min, med, max, p(90), p(95)}. */
    public static final List<String> DEFAULT = List.of("avg", "min", "med", "max", "p(90)", "p(95)");

    private static final Set<String> STATIC = Set.of("avg", "min", "med", "max", "count");

    public TrendStats {
        stats = List.copyOf(stats);
        stats.forEach(TrendStats::check);
    }

    /**
     * The given statistics, or k6's default when {@code null}.
     *
     * @throws K6jException (invalid config) for an unknown statistic or a percentile outside 0..100
     */
    public static TrendStats of(List<String> stats) {
        return new TrendStats(stats == null ? DEFAULT : stats);
    }

    /** One statistic of a trend. */
    public static double value(String stat, TrendValues trend) {
        return switch (stat) {
            case "avg" -> trend.avg();
            case "min" -> trend.min();
            case "med" -> trend.med();
            case "max" -> trend.max();
            case "count" -> trend.count();
            default -> trend.percentile(percentile(stat));
        };
    }

    private static void check(String stat) {
        if (!STATIC.contains(stat)) {
            percentile(stat);
        }
    }

    private static double percentile(String stat) {
        if (!stat.startsWith("p(") || !stat.endsWith(")")) {
            throw K6jException.invalidConfig("invalid trend stat '" + stat + "', unknown format; use avg, min, med,"
                    + " max, count or p(N) such as p(99.9)");
        }
        String number = stat.substring(2, stat.length() - 1);
        double percentile;
        try {
            percentile = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            percentile = Double.NaN;
        }
        if (!(percentile >= 0 && percentile <= 100) || !number.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw K6jException.invalidConfig("invalid percentile trend stat value '" + stat
                    + "', provide a number between 0 and 100");
        }
        return percentile;
    }
}
