package dev.k6j.output.dashboard;

import dev.k6j.sinks.CounterValues;
import dev.k6j.sinks.GaugeValues;
import dev.k6j.sinks.RateValues;
import dev.k6j.sinks.SinkValues;
import dev.k6j.sinks.TrendValues;
import dev.k6j.spi.MetricType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard sends of each metric: per metric type, a fixed list of aggregate names (the {@code param}
 * event's {@code aggregates}) and the values in that order. The first names are xk6-dashboard's, so its pages read
 * k6j's recordings; k6j appends what its page shows besides ({@code count} of a trend, {@code passes} and
 * {@code fails} of a rate, {@code min} and {@code max} of a gauge). Values are cut to 5 significant digits as
 * xk6-dashboard does, to keep events and reports small. Stateless.
 */
final class Aggregates {

    static final Map<String, List<String>> NAMES = names();

    private Aggregates() {
    }

    private static Map<String, List<String>> names() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put("counter", List.of("count", "rate"));
        names.put("gauge", List.of("value", "min", "max"));
        names.put("rate", List.of("rate", "passes", "fails"));
        names.put("trend", List.of("avg", "max", "med", "min", "p(90)", "p(95)", "p(99)", "count"));
        return names;
    }

    /** The aggregates of one sink over {@code elapsed} (the period, or the time since the start), in name order. */
    static List<Number> of(MetricType type, SinkValues values, Duration elapsed) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<Number> out = new ArrayList<>(8);
        switch (values) {
            case CounterValues counter -> {
                out.add(significant(counter.sum()));
                out.add(significant(counter.rate(elapsed)));
            }
            case GaugeValues gauge -> {
                out.add(significant(gauge.value()));
                out.add(significant(gauge.min()));
                out.add(significant(gauge.max()));
            }
            case RateValues rate -> {
                out.add(significant(rate.rate()));
                out.add(rate.passes());
                out.add(rate.fails());
            }
            case TrendValues trend -> {
                out.add(significant(trend.avg()));
                out.add(significant(trend.max()));
                out.add(significant(trend.med()));
                out.add(significant(trend.min()));
                out.add(significant(trend.percentile(90)));
                out.add(significant(trend.percentile(95)));
                out.add(significant(trend.percentile(99)));
                out.add(trend.count());
            }
        }
        return out;
    }

    /** xk6-dashboard's {@code significant}: at most 5 significant digits, cut (not rounded); whole numbers as longs. */
    static Number significant(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return 0L;
        }
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return (long) number;
        }
        double abs = Math.abs(number);
        double scale;
        if (abs > 1e4) {
            scale = 1;
        } else if (abs > 1e3) {
            scale = 10;
        } else if (abs > 1e2) {
            scale = 100;
        } else if (abs > 10) {
            scale = 1e3;
        } else if (abs > 1) {
            scale = 1e4;
        } else {
            scale = 1e5;
        }
        double cut = (number < 0 ? Math.ceil(number * scale) : Math.floor(number * scale)) / scale;
        return cut == Math.rint(cut) && Math.abs(cut) < 1e15 ? (Number) (long) cut : (Number) cut;
    }
}
