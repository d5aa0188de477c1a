package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.k6j.output.prometheus.prompb.Types;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PrometheusMappingTest {

    private static final TagSet TAGS = TagSet.of("scenario", "default").with("method", "GET").with("group", "")
            .with("Zone", "eu");

    private static Map<String, Double> valuesByName(List<Types.TimeSeries> series) {
        Map<String, Double> values = new TreeMap<>();
        for (Types.TimeSeries one : series) {
            values.put(one.getLabels(indexOfName(one)).getValue(), one.getSamples(0).getValue());
        }
        return values;
    }

    private static int indexOfName(Types.TimeSeries series) {
        for (int i = 0; i < series.getLabelsCount(); i++) {
            if (series.getLabels(i).getName().equals("__name__")) {
                return i;
            }
        }
        throw new AssertionError("no __name__ in " + series);
    }

    private static List<Types.TimeSeries> map(PrometheusMapping mapping, Metric metric, double... values) {
        Aggregate aggregate = mapping.newAggregate(metric);
        for (double value : values) {
            aggregate.add(value);
        }
        return mapping.map(metric, TAGS, aggregate, 1234);
    }

    @Test
    void countersAreTotalsGaugesLastValuesRatesShares() {
        PrometheusMapping mapping = new PrometheusMapping(TrendStat.parseAll(TrendStat.DEFAULT), false);

        assertThat(valuesByName(map(mapping, new Metric("http_reqs", MetricType.COUNTER, ValueType.DEFAULT), 1, 2, 3)))
                .containsExactly(Map.entry("k6_http_reqs_total", 6.0));
        assertThat(valuesByName(map(mapping, new Metric("data_sent", MetricType.COUNTER, ValueType.DATA), 100, 28)))
                .containsExactly(Map.entry("k6_data_sent_total", 128.0));
        assertThat(valuesByName(map(mapping, new Metric("vus", MetricType.GAUGE, ValueType.DEFAULT), 5, 9, 2)))
                .containsExactly(Map.entry("k6_vus", 2.0));
        assertThat(valuesByName(map(mapping, new Metric("checks", MetricType.RATE, ValueType.DEFAULT), 1, 0, 1, 1)))
                .containsExactly(Map.entry("k6_checks_rate", 0.75));
    }

    @Test
    void trendStatsAreGaugesInSecondsForTimeTrendsButCountStaysACount() {
        PrometheusMapping mapping = new PrometheusMapping(
                TrendStat.parseAll(List.of("count", "sum", "min", "max", "avg", "med", "p(90)", "p(99.9)")), false);

        Map<String, Double> time = valuesByName(map(mapping,
                new Metric("http_req_duration", MetricType.TREND, ValueType.TIME), 100, 200, 300, 400));
        Map<String, Double> plain = valuesByName(map(mapping,
                new Metric("my_trend", MetricType.TREND, ValueType.DEFAULT), 100, 200, 300, 400));

        assertThat(time).containsOnlyKeys("k6_http_req_duration_count", "k6_http_req_duration_sum",
                "k6_http_req_duration_min", "k6_http_req_duration_max", "k6_http_req_duration_avg",
                "k6_http_req_duration_med", "k6_http_req_duration_p90", "k6_http_req_duration_p999");
        assertThat(time).containsEntry("k6_http_req_duration_count", 4.0)
                .containsEntry("k6_http_req_duration_sum", 1.0)
                .containsEntry("k6_http_req_duration_min", 0.1)
                .containsEntry("k6_http_req_duration_max", 0.4)
                .containsEntry("k6_http_req_duration_avg", 0.25)
                .containsEntry("k6_http_req_duration_med", 0.25);
        assertThat(time.get("k6_http_req_duration_p90")).isCloseTo(0.37, within(1e-12));
        assertThat(time.get("k6_http_req_duration_p999")).isCloseTo(0.3997, within(1e-12));
        assertThat(plain).containsEntry("k6_my_trend_count", 4.0)
                .containsEntry("k6_my_trend_max", 400.0);
        assertThat(plain.get("k6_my_trend_p90")).isCloseTo(370.0, within(1e-9));
    }

    @Test
    void labelsAreTheNonEmptyTagsSortedByNameWithTheName() {
        PrometheusMapping mapping = new PrometheusMapping(TrendStat.parseAll(TrendStat.DEFAULT), false);

        Types.TimeSeries series = map(mapping, new Metric("iterations", MetricType.COUNTER, ValueType.DEFAULT), 1)
                .get(0);

        assertThat(series.getLabelsList().stream().map(l -> l.getName() + "=" + l.getValue()).toList())
                .containsExactly("Zone=eu", "__name__=k6_iterations_total", "method=GET", "scenario=default");
        assertThat(series.getSamples(0).getTimestamp()).isEqualTo(1234);
    }

    @Test
    void nativeHistogramsAreNamedByUnitAndObserveSeconds() {
        PrometheusMapping mapping = new PrometheusMapping(TrendStat.parseAll(TrendStat.DEFAULT), true);

        Types.TimeSeries time = map(mapping, new Metric("http_req_duration", MetricType.TREND, ValueType.TIME),
                1520, 3140).get(0);
        Types.TimeSeries data = map(mapping, new Metric("payload", MetricType.TREND, ValueType.DATA), 10).get(0);
        Types.TimeSeries plain = map(mapping, new Metric("my_trend", MetricType.TREND, ValueType.DEFAULT), 1).get(0);

        assertThat(time.getLabels(indexOfName(time)).getValue()).isEqualTo("k6_http_req_duration_seconds");
        assertThat(time.getSamplesCount()).isZero();
        assertThat(time.getHistograms(0).getSum()).isEqualTo(4.66);
        assertThat(time.getHistograms(0).getCountInt()).isEqualTo(2);
        assertThat(data.getLabels(indexOfName(data)).getValue()).isEqualTo("k6_payload_bytes");
        assertThat(plain.getLabels(indexOfName(plain)).getValue()).isEqualTo("k6_my_trend");
    }

    @Test
    void staleMarkersAreThePrometheusStaleNaN() {
        PrometheusMapping mapping = new PrometheusMapping(TrendStat.parseAll(List.of("p(95)", "avg")), false);
        List<Types.TimeSeries> series = map(mapping, new Metric("t", MetricType.TREND, ValueType.TIME), 1);

        List<Types.TimeSeries> markers = PrometheusMapping.staleMarkers(series, 99);

        assertThat(markers).hasSize(2).allSatisfy(marker -> {
            assertThat(Double.doubleToRawLongBits(marker.getSamples(0).getValue())).isEqualTo(0x7ff0000000000002L);
            assertThat(marker.getSamples(0).getTimestamp()).isEqualTo(99);
        });
        assertThat(markers.stream().map(m -> m.getLabels(indexOfName(m)).getValue()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("k6_t_p95", "k6_t_avg");
    }
}
