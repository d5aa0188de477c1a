package dev.k6j.engine.segment;

import dev.k6j.engine.errors.K6jException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments that together make the whole test, in order, as k6's {@code --execution-segment-sequence}
 * {@code 0,1/3,2/3,1}: each instance runs one of them. Immutable.
 *
 * @param segments adjacent segments, the end of one being the start of the next
 */
public record ExecutionSegmentSequence(List<ExecutionSegment> segments) {

    public ExecutionSegmentSequence {
        segments = List.copyOf(segments);
        for (int i = 1; i < segments.size(); i++) {
            Rational previousEnd = segments.get(i - 1).to();
            if (!segments.get(i).from().equals(previousEnd)) {
                throw K6jException.invalidConfig("the start value " + segments.get(i).from() + " of segment #" + i
                        + " must be equal to the end value of the previous one, but it is " + previousEnd);
            }
        }
    }

    /** Parses {@code r1,r2,...,rn}: the segments {@code (r1,r2], (r2,r3], ...}. Empty text gives an empty sequence. */
    public static ExecutionSegmentSequence parse(String text) {
        if (text == null || text.isBlank()) {
            return new ExecutionSegmentSequence(List.of());
        }
        String[] points = text.split(",");
        if (points.length < 2) {
            throw K6jException.invalidConfig("at least 2 points are needed for an execution segment sequence, "
                    + points.length + " given");
        }
        List<ExecutionSegment> segments = new ArrayList<>();
        Rational start = ExecutionSegment.value(points[0]);
        for (int i = 1; i < points.length; i++) {
            Rational end = ExecutionSegment.value(points[i]);
            segments.add(new ExecutionSegment(start, end));
            start = end;
        }
        return new ExecutionSegmentSequence(segments);
    }

    /**
     * The sequence with its gaps filled so it covers 0 to 1: the given one, or just {@code segment} when there is
     * none, with a segment added before and after as needed.
     */
    public static ExecutionSegmentSequence filled(ExecutionSegmentSequence sequence, ExecutionSegment segment) {
        List<ExecutionSegment> result = new ArrayList<>();
        if (sequence == null || sequence.segments.isEmpty()) {
            if (segment == null || segment.length().equals(Rational.ONE)) {
                return new ExecutionSegmentSequence(List.of(ExecutionSegment.FULL));
            }
            result.add(segment);
        } else {
            result.addAll(sequence.segments);
        }
        if (result.getFirst().from().signum() != 0) {
            result.addFirst(new ExecutionSegment(Rational.ZERO, result.getFirst().from()));
        }
        if (!result.getLast().to().equals(Rational.ONE)) {
            result.addLast(new ExecutionSegment(result.getLast().to(), Rational.ONE));
        }
        return new ExecutionSegmentSequence(result);
    }

    /** Whether it starts at 0 and ends at 1. */
    public boolean isFull() {
        return !segments.isEmpty() && segments.getFirst().from().signum() == 0
                && segments.getLast().to().equals(Rational.ONE);
    }

    /** The least common denominator of the segments' lengths. */
    public long lcd() {
        BigInteger lcd = BigInteger.ONE;
        for (ExecutionSegment segment : segments) {
            BigInteger denominator = segment.length().denominator();
            lcd = lcd.divide(lcd.gcd(denominator)).multiply(denominator);
        }
        return lcd.longValueExact();
    }

    /** The position of {@code segment} in the sequence. */
    public int indexOf(ExecutionSegment segment) {
        int index = segments.indexOf(segment);
        if (index < 0) {
            throw K6jException.invalidConfig("couldn't find segment " + segment + " in sequence " + this);
        }
        return index;
    }

    public int size() {
        return segments.size();
    }

    public ExecutionSegment get(int index) {
        return segments.get(index);
    }

    /** {@code 0,1/3,2/3,1}. */
    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(segments.getFirst().from().toString());
        for (ExecutionSegment segment : segments) {
            text.append(',').append(segment.to());
        }
        return text.toString();
    }
}
