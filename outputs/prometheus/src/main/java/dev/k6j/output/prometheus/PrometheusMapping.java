package dev.k6j.output.prometheus;

import dev.k6j.output.prometheus.prompb.Types;
import dev.k6j.sinks.TrendValues;
import dev.k6j.spi.Metric;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How k6 metrics become Prometheus series, exactly as k6's {@code experimental-prometheus-rw} output maps them:
 *
 * <ul>
 *   <li>the name is {@code k6_} + the metric name + a suffix; every tag with a non-empty name and value becomes a
 *       label, and the labels are sorted by name with {@code __name__} among them;</li>
 *   <li>a counter is {@code k6_<name>_total} (the sum since the start), a gauge {@code k6_<name>} (the last
 *       value), a rate {@code k6_<name>_rate} (the share of non-zero values since the start);</li>
 *   <li>a trend is one gauge per configured stat, {@code k6_<name>_<stat>} ({@code p(95)} → {@code _p95},
 *       {@code p(99.9)} → {@code _p999}), in seconds for time trends (values are milliseconds) — or, with native
 *       histograms, one histogram {@code k6_<name>_seconds} (time), {@code k6_<name>_bytes} (data) or
 *       {@code k6_<name>}, observing seconds for time trends.</li>
 * </ul>
 *
 * One difference: k6 also divides a time trend's {@code count} stat by 1000; k6j sends the count as it is.
 * Stateless and immutable; thread-safe.
 */
final class PrometheusMapping {

    /** The prefix of every series name. */
    static final String PREFIX = "k6_";
    /** Prometheus' metric name label. */
    static final String NAME_LABEL = "__name__";
    /** Prometheus' staleness marker: a NaN with this exact bit pattern ends a series. */
    static final double STALE_MARKER = Double.longBitsToDouble(0x7ff0000000000002L);

    private static final Comparator<Types.Label> BY_NAME = Comparator.comparing(Types.Label::getName);

    private final List<TrendStat> trendStats;
    private final boolean trendAsNativeHistogram;

    PrometheusMapping(List<TrendStat> trendStats, boolean trendAsNativeHistogram) {
        this.trendStats = List.copyOf(trendStats);
        this.trendAsNativeHistogram = trendAsNativeHistogram;
    }

    /** An empty aggregate of the right kind for a metric's series. */
    Aggregate newAggregate(Metric metric) {
        return switch (metric.type()) {
            case COUNTER -> new Aggregate.Counter();
            case GAUGE -> new Aggregate.Gauge();
            case RATE -> new Aggregate.Rate();
            case TREND -> trendAsNativeHistogram ? new Aggregate.Histogram(unitDivisor(metric.valueType()))
                    : new Aggregate.Trend();
        };
    }

    /** The remote-write series of one k6 series, with its cumulative value(s) at {@code timestampMillis}. */
    List<Types.TimeSeries> map(Metric metric, TagSet tags, Aggregate aggregate, long timestampMillis) {
        return switch (aggregate) {
            case Aggregate.Counter counter -> List.of(series(metric, tags, "total", counter.sum, timestampMillis));
            case Aggregate.Gauge gauge -> List.of(series(metric, tags, "", gauge.last, timestampMillis));
            case Aggregate.Rate rate -> List.of(series(metric, tags, "rate", rate.ratio(), timestampMillis));
            case Aggregate.Trend trend -> trendGauges(metric, tags, trend.sink.values(), timestampMillis);
            case Aggregate.Histogram histogram -> List.of(Types.TimeSeries.newBuilder()
                    .addAllLabels(labels(metric, tags, baseUnit(metric.valueType())))
                    .addHistograms(histogram.histogram.toProto(timestampMillis))
                    .build());
        };
    }

    /** The same series, each ending with a staleness marker at {@code timestampMillis}. */
    static List<Types.TimeSeries> staleMarkers(List<Types.TimeSeries> series, long timestampMillis) {
        List<Types.TimeSeries> markers = new ArrayList<>(series.size());
        for (Types.TimeSeries one : series) {
            markers.add(Types.TimeSeries.newBuilder().addAllLabels(one.getLabelsList())
                    .addSamples(Types.Sample.newBuilder().setValue(STALE_MARKER).setTimestamp(timestampMillis))
                    .build());
        }
        return markers;
    }

    /** The series name for a metric and suffix: {@code k6_http_reqs} + {@code total} → {@code k6_http_reqs_total}. */
    static String seriesName(String metricName, String suffix) {
        return suffix.isEmpty() ? PREFIX + metricName : PREFIX + metricName + "_" + suffix;
    }

    /** The labels of a series: its non-empty tags and {@code __name__}, sorted by name. */
    static List<Types.Label> labels(Metric metric, TagSet tags, String suffix) {
        List<Types.Label> labels = new ArrayList<>(tags.size() + 1);
        labels.add(label(NAME_LABEL, seriesName(metric.name(), suffix)));
        tags.forEach((name, value) -> {
            if (!name.isEmpty() && !value.isEmpty()) {
                labels.add(label(name, value));
            }
        });
        labels.sort(BY_NAME);
        return labels;
    }

    private List<Types.TimeSeries> trendGauges(Metric metric, TagSet tags, TrendValues trend, long timestampMillis) {
        List<Types.TimeSeries> series = new ArrayList<>(trendStats.size());
        double divisor = unitDivisor(metric.valueType());
        for (TrendStat stat : trendStats) {
            double value = stat.value().applyAsDouble(trend);
            series.add(series(metric, tags, stat.suffix(), stat.inUnit() ? value / divisor : value, timestampMillis));
        }
        return series;
    }

    private static Types.TimeSeries series(Metric metric, TagSet tags, String suffix, double value,
                                           long timestampMillis) {
        return Types.TimeSeries.newBuilder()
                .addAllLabels(labels(metric, tags, suffix))
                .addSamples(Types.Sample.newBuilder().setValue(value).setTimestamp(timestampMillis))
                .build();
    }

    private static Types.Label label(String name, String value) {
        return Types.Label.newBuilder().setName(name).setValue(value).build();
    }

    /** Time values are milliseconds and Prometheus' base unit is the second; other values stay as they are. */
    static double unitDivisor(ValueType valueType) {
        return valueType == ValueType.TIME ? 1000 : 1;
    }

    /** The unit suffix of a native histogram's name. */
    static String baseUnit(ValueType valueType) {
        return switch (valueType) {
            case TIME -> "seconds";
            case DATA -> "bytes";
            case DEFAULT -> "";
        };
    }
}
