package dev.k6j.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionLayersTest {

    @Test
    void laterLayersWin() {
        Map<String, Object> merged = OptionLayers.merge(List.of(
                Map.of("vus", 1L, "tags", Map.of("a", "config")),
                Map.of("vus", 2L),
                Map.of("vus", 3L)));
        assertThat(merged).containsEntry("vus", 3L).containsEntry("tags", Map.of("a", "config"));
    }

    @Test
    void aLayerWithAWorkloadReplacesTheWorkloadBelowIt() {
        Map<String, Object> merged = OptionLayers.merge(List.of(
                Map.of("stages", List.of(Map.of("duration", "1s", "target", 1)), "vus", 4L),
                Map.of("duration", "10s")));
        assertThat(merged).containsEntry("duration", "10s").containsEntry("vus", 4L).doesNotContainKey("stages");
    }

    @Test
    void environmentVariablesUseK6Names() {
        Map<String, Object> env = EnvironmentOptions.read(Map.of("K6_VUS", "7", "K6_DURATION", "3s",
                "K6_STAGES", "1s:2,2s:0", "K6_NO_THRESHOLDS", "true", "K6_SUMMARY_TREND_STATS", "avg,p(99)",
                "UNRELATED", "x"));
        assertThat(env).containsEntry("vus", 7L).containsEntry("duration", "3s").containsEntry("noThresholds", true)
                .containsEntry("summaryTrendStats", List.of("avg", "p(99)")).hasSize(5);
        assertThat(Stages.parseList(List.of("1s:2"), "x").getFirst()).containsEntry("target", 2L);
    }
}
