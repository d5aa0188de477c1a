package dev.k6j.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.segment.ExecutionSegment;
import dev.k6j.engine.segment.ExecutionSegmentSequence;
import dev.k6j.engine.segment.ExecutionTuple;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionPlanTest {

    private static ScenarioConfig scenario(String name, String executor, String startTime, String gracefulStop,
                                           Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("executor", executor);
        return new ScenarioConfig(name, executor, Duration.parse("PT" + startTime), Duration.parse("PT" + gracefulStop),
                "default", Map.of(), Map.of(), all);
    }

    @Test
    void scenariosOneAfterAnotherShareTheirVus() {
        List<Executor> executors = Executors.createAll(List.of(
                scenario("second", "constant-vus", "10s", "0s", Map.of("vus", 5, "duration", "5s")),
                scenario("first", "constant-arrival-rate", "0s", "2s", Map.of("rate", 10, "duration", "8s",
                        "preAllocatedVUs", 3, "maxVUs", 7))), ExecutionTuple.full());
        assertThat(executors).extracting(e -> e.config().name()).containsExactly("first", "second");
        ExecutionPlan plan = ExecutionPlan.of(executors);
        assertThat(plan.maxPlannedVus()).as("5 VUs at most are planned at once").isEqualTo(5);
        assertThat(plan.maxPossibleVus()).as("the arrival-rate scenario may grow to 7").isEqualTo(7);
        assertThat(plan.endOffset()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void scenariosRunningTogetherAddUp() {
        ExecutionPlan plan = ExecutionPlan.of(Executors.createAll(List.of(
                scenario("a", "shared-iterations", "0s", "30s", Map.of("vus", 4, "iterations", 10)),
                scenario("b", "per-vu-iterations", "1s", "30s", Map.of("vus", 2))), ExecutionTuple.full()));
        assertThat(plan.maxPlannedVus()).isEqualTo(6);
        assertThat(plan.endOffset()).isEqualTo(Duration.ofMinutes(10).plusSeconds(31));
    }

    @Test
    void aSegmentWithoutWorkForAScenarioSkipsIt() {
        ExecutionTuple third = ExecutionTuple.of(ExecutionSegment.parse("2/3:1"),
                ExecutionSegmentSequence.parse("0,1/3,2/3,1"));
        Executor shared = Executors.create(scenario("s", "shared-iterations", "0s", "30s",
                Map.of("vus", 2, "iterations", 10)), third);
        assertThat(shared.hasWork()).isFalse();
        Executor car = Executors.create(scenario("c", "constant-arrival-rate", "0s", "30s",
                Map.of("rate", 9, "duration", "1s", "preAllocatedVUs", 3)), third);
        assertThat(car.hasWork()).isTrue();
        assertThat(car.description()).isEqualTo("3.00 iterations/s for 1s (maxVUs: 1, gracefulStop: 30s)");
    }

    @Test
    void bannerLinesAreK6s() {
        ExecutionTuple full = ExecutionTuple.full();
        assertThat(Executors.create(scenario("x", "shared-iterations", "0s", "30s", Map.of()), full).description())
                .isEqualTo("1 iterations shared among 1 VUs (maxDuration: 10m0s, gracefulStop: 30s)");
        assertThat(Executors.create(scenario("x", "per-vu-iterations", "5s", "0s", Map.of("vus", 3, "iterations", 2)),
                full).description()).isEqualTo("2 iterations for each of 3 VUs (maxDuration: 10m0s, startTime: 5s)");
        assertThat(Executors.create(scenario("x", "constant-vus", "0s", "30s", Map.of("vus", 10, "duration", "1m")),
                full).description()).isEqualTo("10 looping VUs for 1m0s (gracefulStop: 30s)");
        assertThat(Executors.create(scenario("x", "ramping-arrival-rate", "0s", "30s", Map.of("startRate", 5,
                "preAllocatedVUs", 2, "maxVUs", 10, "timeUnit", "1m",
                "stages", List.of(Map.of("duration", "30s", "target", 120)))), full).description())
                .isEqualTo("Up to 2.00 iterations/s for 30s over 1 stages (maxVUs: 2-10, gracefulStop: 30s)");
        assertThat(Executors.create(scenario("x", "externally-controlled", "0s", "30s", Map.of("vus", 2,
                "maxVUs", 10, "duration", "0")), full).description())
                .isEqualTo("Externally controlled execution with 2 VUs, 10 max VUs, infinite duration");
    }
}
