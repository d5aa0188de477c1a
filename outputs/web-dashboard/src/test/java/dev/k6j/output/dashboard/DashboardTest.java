package dev.k6j.output.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardTest {

    private static final Metric REQS = new Metric("http_reqs", MetricType.COUNTER, ValueType.DEFAULT);
    private static final Metric DURATION = new Metric("http_req_duration", MetricType.TREND, ValueType.TIME);
    private static final Metric CHECKS = new Metric("checks", MetricType.RATE, ValueType.DEFAULT);
    private static final Metric CUSTOM = new Metric("cart_size", MetricType.GAUGE, ValueType.DEFAULT);
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final List<DashboardEvent> events = new ArrayList<>();
    private final Dashboard dashboard = new Dashboard(events::add, List.of("scenario", "group"));

    private static Sample sample(Metric metric, double value, String scenario, String group) {
        return new Sample(metric, 0, value, TagSet.of("scenario", scenario).with("group", group), TagSet.EMPTY);
    }

    @Test
    void theStartAnnouncesTheClockAsXk6DashboardDoes() {
        dashboard.start(Map.of("period", 1000), T0);

        assertThat(events).extracting(DashboardEvent::name).containsExactly("param", "metric", "start");
        assertThat(events.get(1).data()).isEqualTo(Map.of("time", Map.of("type", "gauge", "contains", "time")));
        assertThat(events.get(2).data()).isEqualTo(List.of(List.of(T0.toEpochMilli())));
    }

    @Test
    void aFlushAnnouncesNewMetricsThenSendsCumulativeAndSnapshotInNameOrder() {
        dashboard.start(Map.of("thresholds", Map.of("checks", List.of("rate>0.9"))), T0);
        events.clear();
        dashboard.setThresholdFailures(Map.of("checks", List.of("rate>0.9")));

        dashboard.flush(List.of(sample(REQS, 1, "api", ""), sample(REQS, 1, "api", ""),
                sample(DURATION, 10, "api", "::login"), sample(DURATION, 30, "api", "::login"),
                sample(CHECKS, 1, "api", "::login"), sample(CHECKS, 0, "api", "::login"),
                sample(CUSTOM, 3, "api", "")), T0.plusSeconds(2));

        assertThat(events).extracting(DashboardEvent::name)
                .containsExactly("metric", "cumulative", "threshold", "snapshot");
        assertThat(dashboard.names()).containsExactly("cart_size", "cart_size{scenario:api}", "checks",
                "checks{group:::login}", "checks{scenario:api}", "http_req_duration",
                "http_req_duration{group:::login}", "http_req_duration{scenario:api}", "http_reqs",
                "http_reqs{scenario:api}", "time");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> announced = (Map<String, Map<String, Object>>) events.getFirst().data();
        assertThat(announced.get("http_req_duration")).isEqualTo(Map.of("type", "trend", "contains", "time"));
        assertThat(announced.get("cart_size")).isEqualTo(Map.of("type", "gauge", "custom", true));

        List<?> cumulative = (List<?>) events.get(1).data();
        assertThat(cumulative.get(0)).isEqualTo(List.of(3L, 3L, 3L));
        assertThat(cumulative.get(2)).isEqualTo(List.of(0.5, 1L, 1L));
        assertThat(cumulative.get(5)).isEqualTo(List.of(20L, 30L, 20L, 10L, 28L, 29L, 29.8, 2L));
        assertThat(cumulative.get(8)).isEqualTo(List.of(2L, 1L));
        assertThat(cumulative.get(10)).isEqualTo(List.of(T0.plusSeconds(2).toEpochMilli()));
        assertThat(events.get(2).data()).isEqualTo(Map.of("checks", List.of("rate>0.9")));
    }

    @Test
    void aPeriodWithoutSamplesSendsNoSnapshotAndSnapshotsCountOnlyTheirPeriod() {
        dashboard.start(Map.of(), T0);
        dashboard.flush(List.of(sample(REQS, 1, "a", "")), T0.plusSeconds(1));
        dashboard.flush(List.of(), T0.plusSeconds(2));
        dashboard.flush(List.of(sample(REQS, 4, "a", "")), T0.plusSeconds(4));
        dashboard.stop(Map.of("metrics", Map.of()), T0.plusSeconds(5));

        assertThat(events).extracting(DashboardEvent::name).containsExactly("param", "metric", "start",
                "metric", "cumulative", "snapshot", "cumulative", "cumulative", "snapshot", "summary", "stop");
        assertThat(((List<?>) events.get(8).data()).getFirst()).isEqualTo(List.of(4L, 2L));
        assertThat(((List<?>) events.get(7).data()).getFirst()).isEqualTo(List.of(5L, 1.25));
    }

    @Test
    void valuesAreCutToFiveSignificantDigitsAsXk6DashboardDoes() {
        assertThat(Aggregates.significant(123456.789)).isEqualTo(123456L);
        assertThat(Aggregates.significant(1234.5678)).isEqualTo(1234.5);
        assertThat(Aggregates.significant(12.345678)).isEqualTo(12.345);
        assertThat(Aggregates.significant(0.123456789)).isEqualTo(0.12345);
        assertThat(Aggregates.significant(7.0)).isEqualTo(7L);
    }
}
