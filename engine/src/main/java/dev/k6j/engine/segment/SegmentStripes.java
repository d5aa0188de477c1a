package dev.k6j.engine.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a full sequence's segments share out numbered things (VUs, iterations): out of every {@code lcd} consecutive
 * numbers, a segment of length {@code n/lcd} gets {@code n}, spread as evenly as possible. k6's
 * {@code ExecutionSegmentSequenceWrapper}, with the same striping algorithm, so k6j and k6 instances agree on who
 * runs what. Immutable once built.
 *
 * <p>For the sequence {@code 0,1/2,3/4,1}: numbers 0, 2, 4, … go to the first segment, 1, 5, 9, … to the second and
 * 3, 7, 11, … to the third.
 */
public final class SegmentStripes {

    private final ExecutionSegmentSequence sequence;
    private final long lcd;
    /** Per segment: the first number it owns, then the distances to its next numbers, cycling every lcd. */
    private final long[][] offsets;

    public SegmentStripes(ExecutionSegmentSequence sequence) {
        if (!sequence.isFull()) {
            throw new IllegalArgumentException("cannot stripe a sequence that does not cover 0 to 1: " + sequence);
        }
        this.sequence = sequence;
        this.lcd = sequence.lcd();
        int count = sequence.size();
        long[] normalized = new long[count];
        List<List<Long>> built = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Rational length = sequence.get(i).length();
            normalized[i] = length.numerator().longValueExact() * (lcd / length.denominator().longValueExact());
            built.add(new ArrayList<>());
        }
        // Biggest segments choose first: they have the hardest time not getting neighbouring numbers.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> normalized[i]).reversed());

        long[] previous = new long[count];
        long[] chosen = new long[count];
        for (long n = 0; n < lcd; n++) {
            for (int position = 0; position < count; position++) {
                int index = order.get(position);
                long share = normalized[index];
                long taken = chosen[position] * lcd;
                if (n > taken / share || (n == taken / share && taken % share == 0)) {
                    chosen[position]++;
                    List<Long> own = built.get(index);
                    own.add(n - previous[index]);
                    previous[index] = n;
                    if (own.size() == share) {
                        own.add(own.getFirst() + lcd - n);
                    }
                    break;
                }
            }
        }
        offsets = new long[count][];
        for (int i = 0; i < count; i++) {
            offsets[i] = built.get(i).stream().mapToLong(Long::longValue).toArray();
        }
    }

    public ExecutionSegmentSequence sequence() {
        return sequence;
    }

    public long lcd() {
        return lcd;
    }

    /** The first number segment {@code index} owns (from 0). */
    long start(int index) {
        return offsets[index][0];
    }

    /** The distances between the numbers segment {@code index} owns, cycling. */
    long[] steps(int index) {
        long[] own = offsets[index];
        long[] steps = new long[own.length - 1];
        System.arraycopy(own, 1, steps, 0, steps.length);
        return steps;
    }

    /** How many of the numbers {@code 0..value-1} segment {@code index} owns: its share of {@code value}. */
    public long scale(int index, long value) {
        long[] own = offsets[index];
        int perCycle = own.length - 1;
        long result = (value / lcd) * perCycle;
        long rest = value % lcd;
        int step = 0;
        for (long n = own[0]; n < rest; n += own[1 + step++]) {
            result++;
        }
        return result;
    }

    /**
     * The sequence that shares out {@code value} things exactly as this one does, each segment becoming
     * {@code scale(value)/value} long (segments that get none are left out), and where segment {@code tracked} went.
     * k6's {@code GetNewExecutionSegmentSequenceFromValue}; returns {@code null} when {@code tracked} gets nothing.
     */
    ExecutionTuple reSegmented(long value, int tracked) {
        if (value < 1) {
            return null;
        }
        if (value % lcd == 0) {
            return new ExecutionTuple(this, tracked);
        }
        List<ExecutionSegment> segments = new ArrayList<>();
        int newIndex = -1;
        long previous = 0;
        for (int i = 0; i < sequence.size(); i++) {
            long share = scale(i, value);
            if (share == 0) {
                continue;
            }
            if (i == tracked) {
                newIndex = segments.size();
            }
            segments.add(new ExecutionSegment(Rational.of(previous, value), Rational.of(previous + share, value)));
            previous += share;
        }
        if (newIndex < 0) {
            return null;
        }
        return new ExecutionTuple(new SegmentStripes(new ExecutionSegmentSequence(segments)), newIndex);
    }
}
