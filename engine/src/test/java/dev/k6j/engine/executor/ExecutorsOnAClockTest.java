package dev.k6j.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.js.JsRuntime;
import dev.k6j.engine.scenario.Stage;
import dev.k6j.engine.segment.ExecutionTuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The executors follow their schedules exactly, moment by moment, on a clock the test moves ({@link ClockedScenario}):
 * how many VUs run at each moment of a ramp, which arrival-rate iterations start and which are dropped, when a
 * scenario starts. No wall time: the counts are the definitions', whatever the machine's load.
 */
class ExecutorsOnAClockTest {

    private static final JsRuntime RUNTIME = new JsRuntime();

    @AfterAll
    static void closeRuntime() {
        RUNTIME.close();
    }

    /** Each iteration takes {@code SECONDS} of the clock. */
    private static String sleeping(double seconds) {
        return "import { sleep } from 'k6/x/clock';\nexport default function () { sleep(" + seconds + "); }\n";
    }

    @Test
    void rampingVusRunThePlannedNumberOfVusAtEveryMoment() throws InterruptedException {
        Map<String, Object> ramp = Map.of("executor", "ramping-vus", "startVUs", 0L, "gracefulRampDown", "0s",
                "stages", List.of(Map.of("duration", "2s", "target", 4L), Map.of("duration", "1s", "target", 4L),
                        Map.of("duration", "1s", "target", 0L)));
        try (ClockedScenario scenario = new ClockedScenario(RUNTIME, sleeping(0.1),
                Map.of("scenarios", Map.of("ramp", ramp)), 4)) {
            scenario.start();
            long most = 0;
            int moments = 0;
            do {
                long planned = plannedVus(scenario.millis());
                scenario.settle(() -> scenario.vusActive() == planned,
                        () -> scenario.vusActive() + " VUs active, planned " + planned);
                most = Math.max(most, scenario.vusActive());
                moments++;
            } while (scenario.advance());
            assertThat(moments).as("moments checked: each step, each iteration's end").isGreaterThan(40);
            assertThat(most).isEqualTo(4);
        }
    }

    /** 0 to 4 VUs over 2s (one more every 500ms), 4 for 1s, then one less every 250ms from 3.25s. */
    private static long plannedVus(long millis) {
        if (millis < 2000) {
            return millis / 500;
        }
        if (millis < 3000) {
            return 4;
        }
        return Math.max(0, 4 - (millis - 3000) / 250);
    }

    @Test
    void aConstantArrivalRateStartsEachIterationOnTimeWhenVusAreFree() throws InterruptedException {
        Map<String, Object> steady = Map.of("executor", "constant-arrival-rate", "rate", 50L, "timeUnit", "1s",
                "duration", "2s", "preAllocatedVUs", 8L);
        try (ClockedScenario scenario = new ClockedScenario(RUNTIME, sleeping(0.01),
                Map.of("scenarios", Map.of("steady", steady)), 8)) {
            scenario.start();
            do {
                long due = Math.min(100, scenario.millis() / 20 + 1);
                settleOn(scenario, due, 0);
            } while (scenario.advance());
            assertThat(scenario.iterationsBegun()).as("50/s for 2s").isEqualTo(100);
            assertThat(scenario.dropped()).isZero();
        }
    }

    @Test
    void anArrivalRateDropsTheIterationsThatFindNoFreeVu() throws InterruptedException {
        Map<String, Object> starved = Map.of("executor", "constant-arrival-rate", "rate", 10L, "timeUnit", "1s",
                "duration", "1s", "preAllocatedVUs", 1L, "maxVUs", 1L);
        try (ClockedScenario scenario = new ClockedScenario(RUNTIME, sleeping(0.35),
                Map.of("scenarios", Map.of("starved", starved)), 1)) {
            scenario.start();
            do {
                // One VU busy 350ms from each start: the iterations due at 0, 400 and 800ms start, the rest drop.
                long millis = scenario.millis();
                long due = Math.min(10, millis / 100 + 1);
                long started = millis < 400 ? 1 : millis < 800 ? 2 : 3;
                settleOn(scenario, started, due - started);
            } while (scenario.advance());
            assertThat(scenario.iterationsBegun()).isEqualTo(3);
            assertThat(scenario.dropped()).isEqualTo(7);
        }
    }

    @Test
    void aRampingArrivalRateStartsItsScheduleOnTime() throws InterruptedException {
        Map<String, Object> ramp = Map.of("executor", "ramping-arrival-rate", "startRate", 0L, "timeUnit", "1s",
                "preAllocatedVUs", 8L, "stages", List.of(Map.of("duration", "2s", "target", 40L)));
        List<Long> schedule = scheduleNanos(List.of(new Stage(Duration.ofSeconds(2), 40)));
        assertThat(schedule).as("0 to 40/s over 2s: the area under the ramp").hasSize(40);
        // The last one is due at the stages' very end, when the scenario's regular duration is over: not started.
        assertThat(schedule.getLast()).isEqualTo(Duration.ofSeconds(2).toNanos());
        List<Long> offsets = schedule.subList(0, 39);
        try (ClockedScenario scenario = new ClockedScenario(RUNTIME, sleeping(0.01),
                Map.of("scenarios", Map.of("ramp", ramp)), 8)) {
            scenario.start();
            do {
                long nanos = scenario.nanos();
                settleOn(scenario, offsets.stream().filter(offset -> offset <= nanos).count(), 0);
            } while (scenario.advance());
            assertThat(scenario.iterationsBegun()).isEqualTo(39);
            assertThat(scenario.dropped()).isZero();
        }
    }

    @Test
    void aScenarioStartsAtItsStartTime() throws InterruptedException {
        Map<String, Object> later = Map.of("executor", "shared-iterations", "vus", 1L, "iterations", 2L,
                "startTime", "500ms");
        try (ClockedScenario scenario = new ClockedScenario(RUNTIME, sleeping(0.1),
                Map.of("scenarios", Map.of("later", later)), 1)) {
            scenario.start();
            do {
                long millis = scenario.millis();
                settleOn(scenario, millis < 500 ? 0 : millis < 600 ? 1 : 2, 0);
            } while (scenario.advance());
            assertThat(scenario.millis()).as("two iterations of 100ms from 500ms").isEqualTo(700);
        }
    }

    private static void settleOn(ClockedScenario scenario, long begun, long dropped) throws InterruptedException {
        scenario.settle(() -> scenario.iterationsBegun() == begun && scenario.dropped() == dropped,
                () -> scenario.iterationsBegun() + " iterations begun and " + scenario.dropped()
                        + " dropped, expected " + begun + " and " + dropped);
    }

    /** When each iteration is due, in nanoseconds from the start: the executor's own schedule, checked elsewhere. */
    private static List<Long> scheduleNanos(List<Stage> stages) {
        RampingArrivalSchedule schedule = new RampingArrivalSchedule(0, stages, Duration.ofSeconds(1).toNanos(),
                ExecutionTuple.of(null, null));
        List<Long> offsets = new ArrayList<>();
        for (long offset = schedule.next(); offset >= 0; offset = schedule.next()) {
            offsets.add(offset);
        }
        return offsets;
    }
}
