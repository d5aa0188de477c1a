package dev.k6j.output.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardConfigTest {

    @Test
    void k6sDefaults() {
        DashboardConfig config = DashboardConfig.from("", Map.of());

        assertThat(config).isEqualTo(new DashboardConfig(5665, "", Duration.ofSeconds(10), false, "", "",
                List.of("group")));
        assertThat(config.url(5665)).isEqualTo("http://127.0.0.1:5665");
        assertThat(config.precomputedTags()).containsExactly("scenario", "group");
    }

    @Test
    void theEnvironmentSetsEverySettingAndTheOutArgumentWins() {
        Map<String, String> env = Map.of("K6_WEB_DASHBOARD_PORT", "0", "K6_WEB_DASHBOARD_HOST", "localhost",
                "K6_WEB_DASHBOARD_PERIOD", "2s", "K6_WEB_DASHBOARD_OPEN", "true",
                "K6_WEB_DASHBOARD_EXPORT", "report.html", "K6_WEB_DASHBOARD_RECORD", "events.ndjson",
                "K6_WEB_DASHBOARD_TAGS", "group,method");

        assertThat(DashboardConfig.from("", env)).isEqualTo(new DashboardConfig(0, "localhost", Duration.ofSeconds(2),
                true, "report.html", "events.ndjson", List.of("group", "method")));
        assertThat(DashboardConfig.from("port=-1&period=500ms&export=a%20b.html&tags=status", env))
                .isEqualTo(new DashboardConfig(-1, "localhost", Duration.ofMillis(500), true, "a b.html",
                        "events.ndjson", List.of("group", "method", "status")));
    }

    @Test
    void reportIsTheOldNameOfExportAndTagReplacesTheTags() {
        assertThat(DashboardConfig.from("report=r.html&tag=method&tag=name&open", Map.of("K6_WEB_DASHBOARD_REPORT",
                "old.html"))).isEqualTo(new DashboardConfig(5665, "", Duration.ofSeconds(10), true, "r.html", "",
                List.of("method", "name")));
        assertThat(DashboardConfig.from("", Map.of("K6_WEB_DASHBOARD_REPORT", "old.html")).export())
                .isEqualTo("old.html");
    }

    @Test
    void aNegativePortMeansNoServer() {
        assertThat(DashboardConfig.from("port=-1", Map.of()).serves()).isFalse();
        assertThat(DashboardConfig.from("port=0", Map.of()).serves()).isTrue();
    }

    @Test
    void badValuesAreOneLineNamingTheSetting() {
        assertThatThrownBy(() -> DashboardConfig.from("port=http", Map.of()))
                .hasMessage("port 'http' is not a port number: use 5665, 0 (any free port) or -1 (no web server)");
        assertThatThrownBy(() -> DashboardConfig.from("", Map.of("K6_WEB_DASHBOARD_PERIOD", "soon")))
                .hasMessage("K6_WEB_DASHBOARD_PERIOD 'soon' is not a duration: write it like 10s or 1m");
        assertThatThrownBy(() -> DashboardConfig.from("period=0s", Map.of()))
                .hasMessage("period '0s' must be longer than zero");
    }
}
