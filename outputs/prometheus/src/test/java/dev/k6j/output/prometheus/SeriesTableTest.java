package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.output.prometheus.prompb.Types;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTableTest {

    private static final Metric REQS = new Metric("http_reqs", MetricType.COUNTER, ValueType.DEFAULT);
    private static final Metric VUS = new Metric("vus", MetricType.GAUGE, ValueType.DEFAULT);
    private static final TagSet TAGS = TagSet.of("scenario", "default");

    private final SeriesTable table = new SeriesTable(new PrometheusMapping(TrendStat.parseAll(TrendStat.DEFAULT),
            false));

    private static Sample at(Metric metric, long millis, double value) {
        return new Sample(metric, millis * 1_000_000L + 123_456, value, TAGS, TagSet.EMPTY);
    }

    private static List<String> points(List<SeriesTable.Point> points) {
        return points.stream().flatMap(p -> p.series().stream()).map(SeriesTableTest::point).toList();
    }

    private static String point(Types.TimeSeries series) {
        return RemoteWriteReceiver.id(series) + " " + series.getSamples(0).getValue() + " @"
                + series.getSamples(0).getTimestamp();
    }

    @Test
    void eachPushCarriesTheCumulativeValueAtTheNewestSampleTimeOfChangedSeriesOnly() {
        table.add(List.of(at(REQS, 1000, 1), at(REQS, 1005, 1), at(VUS, 1001, 3)));
        List<SeriesTable.Point> first = table.takePending();
        table.delivered(first);
        table.add(List.of(at(REQS, 2000, 1)));
        List<SeriesTable.Point> second = table.takePending();

        assertThat(points(first)).containsExactly("k6_http_reqs_total{scenario=\"default\"} 2.0 @1005",
                "k6_vus{scenario=\"default\"} 3.0 @1001");
        assertThat(points(second)).containsExactly("k6_http_reqs_total{scenario=\"default\"} 3.0 @2000");
        assertThat(table.takePending()).isEmpty();
        assertThat(table.seriesCount()).isEqualTo(2);
    }

    @Test
    void aChangeWithinTheSameMillisecondIsSentOneMillisecondLaterNeverTwiceAtOneTimestamp() {
        table.add(List.of(at(REQS, 1000, 1)));
        table.delivered(table.takePending());
        table.add(List.of(at(REQS, 1000, 1)));

        assertThat(points(table.takePending())).containsExactly("k6_http_reqs_total{scenario=\"default\"} 2.0 @1001");
    }

    @Test
    void aFailedPointIsSentAgainUnlessANewerOneReplacesIt() {
        table.add(List.of(at(REQS, 1000, 1), at(VUS, 1000, 5)));
        List<SeriesTable.Point> failed = table.takePending();
        table.undelivered(failed);
        table.add(List.of(at(REQS, 2000, 1)));

        List<SeriesTable.Point> retry = table.takePending();

        assertThat(points(retry)).containsExactlyInAnyOrder("k6_http_reqs_total{scenario=\"default\"} 2.0 @2000",
                "k6_vus{scenario=\"default\"} 5.0 @1000");
        assertThat(table.superseded()).isEqualTo(1);
        table.undelivered(retry);
        assertThat(table.unsent()).isEqualTo(2);
        table.delivered(table.takePending());
        assertThat(table.unsent()).isZero();
    }

    @Test
    void refusedPointsAreNotSentAgain() {
        table.add(List.of(at(REQS, 1000, 1)));
        table.refused(table.takePending());

        assertThat(table.takePending()).isEmpty();
        assertThat(table.unsent()).isZero();
    }

    @Test
    void staleMarkersFollowEachSeriesLastPoint() {
        table.add(List.of(at(REQS, 5000, 1)));
        table.delivered(table.takePending());

        List<Types.TimeSeries> markers = table.staleMarkers(3000);

        assertThat(markers).hasSize(1);
        assertThat(markers.get(0).getSamples(0).getTimestamp()).isEqualTo(5001);
        assertThat(Double.isNaN(markers.get(0).getSamples(0).getValue())).isTrue();
    }
}
