package dev.k6j.output.prometheus;

import dev.k6j.output.prometheus.prompb.Types;
import dev.k6j.spi.Metric;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every k6 series seen since the start (a metric with one set of tags), with its cumulative {@link Aggregate} and
 * what is left to push: k6's output keeps the same table. A push sends, for each series changed since the last
 * push, one point with its value so far; a point whose push failed is sent again at the next push unless the series
 * has changed since, in which case the newer point replaces it ({@link #superseded()} counts those).
 *
 * <p>A point's timestamp is the series' newest sample time in milliseconds, as in k6, but always after the
 * previous point's, so the endpoint never gets two different values at one timestamp (Prometheus refuses the whole
 * request then).
 *
 * <p>Threads: the output's flushing thread only.
 */
final class SeriesTable {

    private final PrometheusMapping mapping;
    private final Map<Key, Entry> entries = new HashMap<>();
    private final Set<Entry> pending = new LinkedHashSet<>();
    private long superseded;

    SeriesTable(PrometheusMapping mapping) {
        this.mapping = mapping;
    }

    /** Adds samples to their series. */
    void add(List<Sample> samples) {
        for (Sample sample : samples) {
            Entry entry = entries.computeIfAbsent(new Key(sample.metric(), sample.tags()),
                    key -> new Entry(key, mapping.newAggregate(key.metric())));
            entry.aggregate.add(sample.value());
            entry.latestMillis = Math.max(entry.latestMillis, Math.floorDiv(sample.timeNanos(), 1_000_000L));
            entry.changed = true;
            pending.add(entry);
        }
    }

    /** The points to push now: a fresh one for each changed series, and the failed ones of unchanged series. */
    List<Point> takePending() {
        List<Point> points = new ArrayList<>(pending.size());
        for (Entry entry : pending) {
            if (entry.changed) {
                long timestamp = Math.max(entry.latestMillis, entry.attemptedMillis + 1);
                List<Types.TimeSeries> series = mapping.map(entry.key.metric(), entry.key.tags(), entry.aggregate,
                        timestamp);
                if (entry.unsent != null) {
                    superseded += entry.unsent.size();
                    entry.unsent = null;
                }
                entry.changed = false;
                entry.attemptedMillis = timestamp;
                entry.seriesCount = series.size();
                points.add(new Point(entry, series));
            } else if (entry.unsent != null) {
                points.add(new Point(entry, entry.unsent));
            }
        }
        pending.clear();
        return points;
    }

    /** The endpoint took these points. */
    void delivered(List<Point> points) {
        for (Point point : points) {
            point.entry().unsent = null;
        }
    }

    /** These points could not be pushed: they go again at the next push, unless newer points replace them. */
    void undelivered(List<Point> points) {
        for (Point point : points) {
            point.entry().unsent = point.series();
            pending.add(point.entry());
        }
    }

    /** The endpoint refused these points: they are not sent again. */
    void refused(List<Point> points) {
        for (Point point : points) {
            point.entry().unsent = null;
        }
    }

    /** How many points failed pushes left behind that newer points then replaced. */
    long superseded() {
        return superseded;
    }

    /** How many points wait to be pushed again. */
    long unsent() {
        long count = 0;
        for (Entry entry : pending) {
            count += entry.unsent == null ? 0 : entry.unsent.size();
        }
        return count;
    }

    /** How many Prometheus series the k6 series map to. */
    long seriesCount() {
        long count = 0;
        for (Entry entry : entries.values()) {
            count += entry.seriesCount;
        }
        return count;
    }

    /** A staleness marker for every series pushed, each after the series' last point and no earlier than now. */
    List<Types.TimeSeries> staleMarkers(long nowMillis) {
        List<Types.TimeSeries> markers = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.seriesCount == 0) {
                continue; // never pushed
            }
            long timestamp = Math.max(nowMillis, entry.attemptedMillis + 1);
            List<Types.TimeSeries> series = mapping.map(entry.key.metric(), entry.key.tags(), entry.aggregate,
                    timestamp);
            markers.addAll(PrometheusMapping.staleMarkers(series, timestamp));
        }
        return markers;
    }

    /** The points of one series in one push. */
    record Point(Entry entry, List<Types.TimeSeries> series) {
    }

    private record Key(Metric metric, TagSet tags) {
    }

    /** One k6 series and its push state. */
    static final class Entry {
        private final Key key;
        private final Aggregate aggregate;
        private long latestMillis = Long.MIN_VALUE;
        private long attemptedMillis = Long.MIN_VALUE + 1;
        private boolean changed;
        private List<Types.TimeSeries> unsent;
        private int seriesCount;

        private Entry(Key key, Aggregate aggregate) {
            this.key = key;
            this.aggregate = aggregate;
        }
    }
}
