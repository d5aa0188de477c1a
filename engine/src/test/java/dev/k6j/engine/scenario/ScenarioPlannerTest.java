package dev.k6j.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioPlannerTest {

    @Test
    void shortcutsMapToK6Executors() {
        assertThat(ScenarioPlanner.plan(Map.of()).getFirst().executor()).isEqualTo("shared-iterations");
        assertThat(ScenarioPlanner.plan(Map.of("vus", 2L, "iterations", 10L)).getFirst().params())
                .containsEntry("vus", 2L).containsEntry("iterations", 10L);
        ScenarioConfig constant = ScenarioPlanner.plan(Map.of("vus", 5L, "duration", "10s")).getFirst();
        assertThat(constant.executor()).isEqualTo("constant-vus");
        assertThat(constant.name()).isEqualTo("default");
        assertThat(ScenarioPlanner.plan(Map.of("stages", List.of(Map.of("duration", "1s", "target", 2))))
                .getFirst().executor()).isEqualTo("ramping-vus");
        ScenarioConfig capped = ScenarioPlanner.plan(Map.of("iterations", 5L, "duration", "1m")).getFirst();
        assertThat(capped.executor()).isEqualTo("shared-iterations");
        assertThat(capped.duration("maxDuration", null)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void scenariosKeepTheirCommonKeys() {
        ScenarioConfig s = ScenarioPlanner.plan(Map.of("scenarios", Map.of("api", Map.of("executor", "constant-vus",
                "duration", "5s", "startTime", "2s", "gracefulStop", "1s", "exec", "api", "tags", Map.of("t", "x"),
                "env", Map.of("E", 1))))).getFirst();
        assertThat(s.name()).isEqualTo("api");
        assertThat(s.startTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.gracefulStop()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.exec()).isEqualTo("api");
        assertThat(s.tags()).containsEntry("t", "x");
        assertThat(s.env()).containsEntry("E", "1");
    }

    @Test
    void mistakesAreInvalidConfigWithTheOptionNamed() {
        assertThatThrownBy(() -> ScenarioPlanner.plan(Map.of("scenarios", Map.of("a", Map.of("executor", "nope")))))
                .isInstanceOf(K6jException.class).hasMessageContaining("scenarios.a.executor 'nope' is unknown");
        assertThatThrownBy(() -> ScenarioPlanner.plan(Map.of("scenarios", Map.of("a", Map.of()))))
                .hasMessageContaining("scenarios.a needs an executor");
        assertThatThrownBy(() -> ScenarioPlanner.plan(Map.of("stages", List.of(Map.of("duration", "1s")),
                "duration", "5s"))).hasMessageContaining("multiple execution config shortcuts");
        assertThatThrownBy(() -> ScenarioPlanner.plan(Map.of("duration", "0s")))
                .hasMessageContaining("duration must be more than 0");
    }
}
