package dev.k6j.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.config.ScenarioConfig;
import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RampingVusTest {

    private static RampingVus ramp(long startVus, Object stages) {
        return new RampingVus(new ScenarioConfig("ramp", "ramping-vus", Duration.ZERO, Duration.ofSeconds(30),
                "default", Map.of(), Map.of(), Map.of("startVUs", startVus, "stages", stages)));
    }

    @Test
    void targetFollowsTheStagesLinearly() {
        RampingVus ramp = ramp(0, List.of(Map.of("duration", "10s", "target", 10),
                Map.of("duration", "10s", "target", 10), Map.of("duration", "5s", "target", 0)));
        assertThat(ramp.targetAt(Duration.ZERO)).isZero();
        assertThat(ramp.targetAt(Duration.ofMillis(999))).isZero();
        assertThat(ramp.targetAt(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(ramp.targetAt(Duration.ofSeconds(5))).isEqualTo(5);
        assertThat(ramp.targetAt(Duration.ofSeconds(15))).isEqualTo(10);
        assertThat(ramp.targetAt(Duration.ofMillis(22_500))).isEqualTo(5);
        assertThat(ramp.targetAt(Duration.ofSeconds(25))).isZero();
        assertThat(ramp.maxVus()).isEqualTo(10);
        assertThat(ramp.maxDuration()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void startVusIsWhereTheFirstStageBegins() {
        RampingVus ramp = ramp(4, List.of(Map.of("duration", "4s", "target", 0)));
        assertThat(ramp.targetAt(Duration.ZERO)).isEqualTo(4);
        assertThat(ramp.targetAt(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(ramp.maxVus()).isEqualTo(4);
    }

    @Test
    void aRampWithoutStagesOrVusIsInvalid() {
        assertThatThrownBy(() -> ramp(1, List.of())).isInstanceOf(K6jException.class).hasMessageContaining("stages");
        assertThatThrownBy(() -> ramp(0, List.of(Map.of("duration", "1s", "target", 0))))
                .isInstanceOf(K6jException.class).hasMessageContaining("never has any VU");
    }
}
