package dev.k6j.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.K6jException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionTupleTest {

    private static List<ExecutionTuple> all(String sequence) {
        ExecutionSegmentSequence parsed = ExecutionSegmentSequence.parse(sequence);
        List<ExecutionTuple> tuples = new ArrayList<>();
        for (ExecutionSegment segment : parsed.segments()) {
            tuples.add(ExecutionTuple.of(segment, parsed));
        }
        return tuples;
    }

    private static List<Long> owned(ExecutionTuple tuple, int count) {
        SegmentedIndex index = new SegmentedIndex(tuple);
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            index.next();
            numbers.add(index.unscaled() - 1);
        }
        return numbers;
    }

    @Test
    void unequalSegmentsAreStripedAsK6DocumentsThem() {
        List<ExecutionTuple> tuples = all("0,1/2,3/4,1");
        assertThat(owned(tuples.get(0), 6)).containsExactly(0L, 2L, 4L, 6L, 8L, 10L);
        assertThat(owned(tuples.get(1), 3)).containsExactly(1L, 5L, 9L);
        assertThat(owned(tuples.get(2), 3)).containsExactly(3L, 7L, 11L);

        long[][] expected = {
            {1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6},
            {0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3},
            {0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3},
        };
        for (int segment = 0; segment < 3; segment++) {
            for (int value = 1; value <= 12; value++) {
                assertThat(tuples.get(segment).scale(value)).as("segment %d, value %d", segment, value)
                        .isEqualTo(expected[segment][value - 1]);
            }
        }
    }

    @Test
    void sharesAlwaysAddUpAndStripesNeverOverlap() {
        for (String sequence : List.of("0,1/3,2/3,1", "0,1/2,3/4,1", "0,0.1,0.35,0.9,1", "0,1/7,2/5,1", "0,1")) {
            List<ExecutionTuple> tuples = all(sequence);
            for (long value = 0; value <= 300; value++) {
                long sum = 0;
                for (ExecutionTuple tuple : tuples) {
                    sum += tuple.scale(value);
                }
                assertThat(sum).as("%s shares of %d", sequence, value).isEqualTo(value);
            }
            Set<Long> seen = new HashSet<>();
            for (ExecutionTuple tuple : tuples) {
                List<Long> numbers = owned(tuple, (int) tuple.scale(500));
                assertThat(numbers).allMatch(n -> n < 500);
                numbers.forEach(n -> assertThat(seen.add(n)).as("%s: %d owned twice", sequence, n).isTrue());
            }
            assertThat(seen).hasSize(500);
        }
    }

    @Test
    void reSegmentingByVusKeepsIterationsWithTheVus() {
        List<ExecutionTuple> tuples = all("0,1/3,2/3,1");
        long[] vus = new long[3];
        long[] iterations = new long[3];
        for (int i = 0; i < 3; i++) {
            vus[i] = tuples.get(i).scale(5);
            iterations[i] = tuples.get(i).forValue(5).scale(100);
        }
        assertThat(vus).containsExactly(2, 2, 1);
        assertThat(iterations).containsExactly(40, 40, 20);
        assertThat(tuples.get(2).forValue(2)).as("the third instance gets none of 2 VUs").isNull();
    }

    @Test
    void goToFindsTheLastOwnedPositionAtOrBelowAValue() {
        ExecutionTuple second = all("0,1/2,3/4,1").get(1);
        SegmentedIndex index = new SegmentedIndex(second);
        index.goTo(1);
        assertThat(index.scaled()).isZero();
        index.goTo(2);
        assertThat(index.scaled()).isEqualTo(1);
        assertThat(index.unscaled()).isEqualTo(2);
        index.goTo(9);
        assertThat(index.scaled()).isEqualTo(2);
        assertThat(index.unscaled()).isEqualTo(6);
        index.next();
        assertThat(index.unscaled()).isEqualTo(10);
        index.previous();
        assertThat(index.unscaled()).isEqualTo(6);
    }

    @Test
    void segmentsParseLikeK6AndRejectNonsense() {
        assertThat(ExecutionSegment.parse("1/2:3/4")).isEqualTo(ExecutionSegment.parse("50%:75%"))
                .isEqualTo(ExecutionSegment.parse("0.5:0.75"));
        assertThat(ExecutionSegment.parse("20%").toString()).isEqualTo("0:1/5");
        assertThat(ExecutionSegment.parse("").floatLength()).isEqualTo(1.0);
        assertThat(ExecutionSegmentSequence.parse("0,1/3,2/3,1").toString()).isEqualTo("0,1/3,2/3,1");
        assertThatThrownBy(() -> ExecutionSegment.parse("2/3:1/3")).isInstanceOf(K6jException.class)
                .hasMessageContaining("must be less than its end");
        assertThatThrownBy(() -> ExecutionSegment.parse("abc")).hasMessageContaining("is not a valid percentage");
        assertThatThrownBy(() -> ExecutionSegmentSequence.parse("1/2")).hasMessageContaining("at least 2 points");
        assertThatThrownBy(() -> ExecutionTuple.of(ExecutionSegment.parse("1/4:1/2"),
                ExecutionSegmentSequence.parse("0,1/3,2/3,1"))).hasMessageContaining("couldn't find segment 1/4:1/2");
    }

    @Test
    void aSegmentWithoutASequenceIsFilledAroundIt() {
        ExecutionTuple tuple = ExecutionTuple.of(ExecutionSegment.parse("1/3:2/3"), null);
        assertThat(tuple.sequence().toString()).isEqualTo("0,1/3,2/3,1");
        assertThat(tuple.scale(3)).isEqualTo(1);
        assertThat(ExecutionTuple.full().scale(7)).isEqualTo(7);
    }
}
