package dev.k6j.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.segment.ExecutionSegment;
import dev.k6j.engine.segment.ExecutionSegmentSequence;
import dev.k6j.engine.segment.ExecutionTuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ramping-vus plan, checked against k6's own example ({@code TestRampingVUsConfigExecutionPlanExample}). */
class RampingVusTest {

    private static final List<Object> K6_EXAMPLE = List.of(stage("2s", 6), stage("5s", 1), stage("4s", 5),
            stage("4s", 1), stage("3s", 4), stage("2s", 4), stage("0s", 1), stage("3s", 1));

    private static Map<String, Object> stage(String duration, long target) {
        return Map.of("duration", duration, "target", target);
    }

    private static RampingVus ramp(long startVus, Object stages, String gracefulStop, ExecutionTuple tuple) {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("executor", "ramping-vus", "startVUs", startVus,
                "stages", stages));
        return new RampingVus(new ScenarioConfig("ramp", "ramping-vus", Duration.ZERO, Duration.parse("PT" + gracefulStop),
                "default", Map.of(), Map.of(), params), tuple);
    }

    private static List<String> steps(List<ExecutionStep> steps) {
        List<String> result = new ArrayList<>();
        for (ExecutionStep step : steps) {
            result.add(step.offset().toSeconds() + "s:" + step.plannedVus());
        }
        return result;
    }

    @Test
    void rawStepsStartAndStopOneVuAtATimeAsK6Does() {
        RampingVus ramp = ramp(4, K6_EXAMPLE, "30s", ExecutionTuple.full());
        assertThat(steps(ramp.rawSteps())).containsExactly("0s:4", "1s:5", "2s:6", "3s:5", "4s:4", "5s:3", "6s:2",
                "7s:1", "8s:2", "9s:3", "10s:4", "11s:5", "12s:4", "13s:3", "14s:2", "15s:1", "16s:2", "17s:3",
                "18s:4", "20s:1", "23s:0");
    }

    @Test
    void gracefulRampDownsKeepVusReservedUntilTheGracefulStopEnds() {
        assertThat(steps(ramp(4, K6_EXAMPLE, "30s", ExecutionTuple.full()).executionRequirements()))
                .containsExactly("0s:4", "1s:5", "2s:6", "33s:5", "42s:4", "50s:1", "53s:0");
        assertThat(steps(ramp(4, K6_EXAMPLE, "80s", ExecutionTuple.full()).executionRequirements()))
                .containsExactly("0s:4", "1s:5", "2s:6", "33s:5", "42s:4", "50s:1", "103s:0");
        assertThat(steps(ramp(4, K6_EXAMPLE, "3s", ExecutionTuple.full()).executionRequirements()))
                .containsExactly("0s:4", "1s:5", "2s:6", "26s:0");
    }

    @Test
    void segmentsSplitTheRampSoThatTogetherTheyFollowTheStages() {
        List<Object> stages = List.of(stage("10s", 10), stage("10s", 0));
        ExecutionSegmentSequence halves = ExecutionSegmentSequence.parse("0,1/2,1");
        RampingVus first = ramp(0, stages, "0s", ExecutionTuple.of(ExecutionSegment.parse("0:1/2"), halves));
        RampingVus second = ramp(0, stages, "0s", ExecutionTuple.of(ExecutionSegment.parse("1/2:1"), halves));
        RampingVus whole = ramp(0, stages, "0s", ExecutionTuple.full());
        for (long second0 = 0; second0 <= 20; second0++) {
            Duration at = Duration.ofSeconds(second0).plusMillis(500);
            assertThat(plannedAt(first.rawSteps(), at) + plannedAt(second.rawSteps(), at))
                    .as("VUs at %s", at).isEqualTo(plannedAt(whole.rawSteps(), at));
        }
        assertThat(plannedAt(whole.rawSteps(), Duration.ofMillis(5500))).isEqualTo(5);
    }

    private static long plannedAt(List<ExecutionStep> steps, Duration at) {
        long planned = 0;
        for (ExecutionStep step : steps) {
            if (step.offset().compareTo(at) <= 0) {
                planned = step.plannedVus();
            }
        }
        return planned;
    }

    @Test
    void aRampWithoutStagesOrVusIsInvalidWithK6sMessages() {
        assertThatThrownBy(() -> ramp(1, List.of(), "30s", ExecutionTuple.full())).isInstanceOf(K6jException.class)
                .hasMessageContaining("scenario ramp has configuration errors: at least one stage has to be specified");
        assertThatThrownBy(() -> ramp(0, List.of(stage("1s", 0)), "30s", ExecutionTuple.full()))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("either startVUs or one of the stages' target values must be greater than 0");
    }

    @Test
    void theBannerLineIsK6s() {
        assertThat(ramp(0, List.of(stage("10s", 10), stage("5s", 0)), "30s", ExecutionTuple.full()).description())
                .isEqualTo("Up to 10 looping VUs for 15s over 2 stages (gracefulRampDown: 30s, gracefulStop: 30s)");
    }
}
