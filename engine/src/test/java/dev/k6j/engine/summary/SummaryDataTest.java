package dev.k6j.engine.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.metrics.MetricsSnapshot;
import dev.k6j.engine.metrics.ThresholdResults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryDataTest {

    private final KnownRun run = new KnownRun();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void theDataHasHandleSummarysShape() {
        Map<String, Object> data = run.data(Map.of("noColor", true), null);

        assertThat(data).containsOnlyKeys("root_group", "options", "state", "metrics");
        assertThat(map(data.get("options"))).isEqualTo(Map.of(
                "summaryTrendStats", List.of("avg", "min", "med", "max", "p(90)", "p(95)"),
                "summaryTimeUnit", "",
                "noColor", true));
        assertThat(map(data.get("state"))).isEqualTo(Map.of(
                "testRunDurationMs", 10000.0, "isStdOutTTY", true, "isStdErrTTY", false));
    }

    @Test
    void theRootGroupHoldsGroupsAndChecksWithK6sPathsAndIds() {
        Map<String, Object> root = map(run.data().get("root_group"));

        assertThat(root).containsEntry("name", "").containsEntry("path", "")
                .containsEntry("id", "d41d8cd98f00b204e9800998ecf8427e");
        assertThat(list(root.get("checks"))).containsExactly(Map.of("name", "status is 200",
                "path", "::status is 200", "id", "6210a8cd14cd70477eba5c5e4cb3fb5f", "passes", 10L, "fails", 0L));
        Map<String, Object> login = list(root.get("groups")).getFirst();
        assertThat(login).containsEntry("name", "login").containsEntry("path", "::login")
                .containsEntry("id", "a7d10b3a6c9a385ee254f0dbc7f9c8c9");
        assertThat(list(login.get("groups"))).isEmpty();
        assertThat(list(login.get("checks"))).extracting(c -> c.get("path"), c -> c.get("passes"), c -> c.get("fails"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("::login::logged in", 9L, 1L));
    }

    @Test
    void metricsHaveTypeContainsValuesAndThresholdsPerK6() {
        Map<String, Object> metrics = map(run.data().get("metrics"));

        assertThat(metrics.keySet()).containsExactly("checks", "data_received", "data_sent", "group_duration",
                "http_req_duration", "http_req_duration{expected_response:true}", "http_req_failed", "http_reqs",
                "iteration_duration", "iterations", "vus", "vus_max");
        assertThat(metrics.get("data_received")).isEqualTo(Map.of("type", "counter", "contains", "data",
                "values", Map.of("count", 11000.0, "rate", 1100.0)));
        assertThat(metrics.get("vus")).isEqualTo(Map.of("type", "gauge", "contains", "default",
                "values", Map.of("value", 1.0, "min", 1.0, "max", 1.0)));
        assertThat(metrics.get("checks")).isEqualTo(Map.of("type", "rate", "contains", "default",
                "values", Map.of("rate", 0.95, "passes", 19.0, "fails", 1.0),
                "thresholds", Map.of("rate>0.99", Map.of("ok", false))));
        Map<String, Object> duration = map(metrics.get("http_req_duration"));
        assertThat(duration).containsEntry("type", "trend").containsEntry("contains", "time")
                .containsEntry("thresholds", Map.of("p(95)<200", Map.of("ok", true)));
        assertThat(map(duration.get("values")).keySet()).containsExactly("avg", "min", "med", "max", "p(90)", "p(95)");
        assertThat(map(metrics.get("http_req_duration{expected_response:true}")).get("values"))
                .isEqualTo(duration.get("values"));
    }

    @Test
    void trendValuesAreExactlyTheRequestedStats() {
        Map<String, Object> metrics = map(run.data(Map.of(), List.of("count", "p(99.9)", "med")).get("metrics"));

        assertThat(map(metrics.get("iteration_duration")).get("values"))
                .isEqualTo(Map.of("count", 10.0, "p(99.9)", 1044.955, "med", 1022.5));
    }

    @Test
    void unknownTrendStatsAndTimeUnitsAreInvalidConfig() {
        assertThatThrownBy(() -> run.data(Map.of(), List.of("avg", "p95")))
                .isInstanceOf(K6jException.class).hasMessageContaining("invalid trend stat 'p95'");
        assertThatThrownBy(() -> run.data(Map.of(), List.of("p(101)")))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("invalid percentile trend stat value 'p(101)', provide a number between 0 and 100");
        assertThatThrownBy(() -> run.data(Map.of(), List.of("sum")))
                .isInstanceOf(K6jException.class).hasMessageContaining("invalid trend stat 'sum'");
        assertThatThrownBy(() -> run.data(Map.of("summaryTimeUnit", "minutes"), null))
                .isInstanceOf(K6jException.class).hasMessageContaining("invalid summaryTimeUnit 'minutes'");
    }

    @Test
    void anEmptyRunHasARootGroupAndNoMetrics() {
        Map<String, Object> data = SummaryData.build(MetricsSnapshot.empty(), ThresholdResults.none(), Map.of(),
                Duration.ZERO, false, false, null);

        assertThat(map(data.get("metrics"))).isEmpty();
        assertThat(map(data.get("root_group"))).containsEntry("groups", List.of()).containsEntry("checks", List.of());
        assertThat(TextSummary.render(data, false)).isEqualTo("\n\n\n");
    }
}
