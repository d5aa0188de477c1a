package dev.k6j.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.k6j.engine.scenario.Stage;
import dev.k6j.engine.segment.ExecutionSegment;
import dev.k6j.engine.segment.ExecutionSegmentSequence;
import dev.k6j.engine.segment.ExecutionTuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ramping-arrival-rate schedule, checked against k6's {@code TestRampingArrivalRateCal} and global iterations. */
class RampingArrivalScheduleTest {

    private static final List<Stage> K6_STAGES = List.of(new Stage(Duration.ofSeconds(5), 1),
            new Stage(Duration.ofSeconds(1), 1), new Stage(Duration.ofSeconds(5), 0));

    private static List<Long> millis(long startRate, List<Stage> stages, Duration timeUnit, ExecutionTuple tuple) {
        RampingArrivalSchedule schedule = new RampingArrivalSchedule(startRate, stages, timeUnit.toNanos(), tuple);
        List<Long> result = new ArrayList<>();
        for (long offset = schedule.next(); offset >= 0; offset = schedule.next()) {
            result.add(offset);
        }
        return result.stream().map(n -> n / 1_000_000).toList();
    }

    private static ExecutionTuple tuple(String segment, String sequence) {
        return ExecutionTuple.of(ExecutionSegment.parse(segment),
                sequence == null ? null : ExecutionSegmentSequence.parse(sequence));
    }

    private static void assertAround(List<Long> actual, long... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual.get(i)).isCloseTo(expected[i], within(expected[i] * 0.001 + 1));
        }
    }

    @Test
    void iterationsAreDueWhenTheAreaUnderTheRateReachesThem() {
        assertAround(millis(0, K6_STAGES, Duration.ofSeconds(1), ExecutionTuple.full()),
                3162, 4472, 5500, 6527, 7837, 11000);
        assertAround(millis(0, K6_STAGES, Duration.ofNanos(1_000_000_000L / 3), ExecutionTuple.full()),
                1825, 2581, 3162, 3651, 4082, 4472, 4830, 5166, 5499, 5833, 6169, 6527, 6917, 7348, 7837, 8418,
                9174, 10999);
    }

    @Test
    void eachSegmentGetsItsStripesOfTheSchedule() {
        assertAround(millis(0, K6_STAGES, Duration.ofSeconds(1), tuple("2/3:1", null)), 4472, 7837);
        String thirds = "0,1/3,2/3,1";
        assertAround(millis(0, K6_STAGES, Duration.ofSeconds(1), tuple("0:1/3", thirds)), 3162, 6527);
        assertAround(millis(0, K6_STAGES, Duration.ofSeconds(1), tuple("1/3:2/3", thirds)), 4472, 7837);
        assertAround(millis(0, K6_STAGES, Duration.ofSeconds(1), tuple("2/3:1", thirds)), 5500, 11000);
    }

    @Test
    void iterationsInTestFollowTheScenariosVusAcrossSegments() {
        // k6's TestRampingArrivalRateGlobalIters: maxVUs 5 split over 0,1/4,3/4,1.
        List<Stage> stages = List.of(new Stage(Duration.ofSeconds(1), 20), new Stage(Duration.ofSeconds(1), 0));
        String sequence = "0,1/4,3/4,1";
        assertThat(globalIterations(stages, tuple("0:1/4", sequence))).containsExactly(1L, 6L, 11L, 16L);
        assertThat(globalIterations(stages, tuple("1/4:3/4", sequence)))
                .containsExactly(0L, 2L, 4L, 5L, 7L, 9L, 10L, 12L, 14L, 15L, 17L, 19L, 20L);
        assertThat(globalIterations(stages, tuple("3/4:1", sequence))).containsExactly(3L, 8L, 13L, 18L);
    }

    private static List<Long> globalIterations(List<Stage> stages, ExecutionTuple instance) {
        ExecutionTuple byVus = instance.forValue(5);
        RampingArrivalSchedule schedule = new RampingArrivalSchedule(0, stages, 950_000_000L, byVus);
        IterationCounters counters = new IterationCounters(byVus);
        List<Long> result = new ArrayList<>();
        for (long offset = schedule.next(); offset >= 0 && offset < 2_000_000_000L; offset = schedule.next()) {
            result.add(counters.next().inTest());
        }
        return result;
    }
}
