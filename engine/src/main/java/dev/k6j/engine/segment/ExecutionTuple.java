package dev.k6j.engine.segment;

/**
 * This instance's segment within the full sequence: what scales VUs, iterations and arrival rates down to this
 * instance's share so that all instances together add up to the whole test. k6's {@code ExecutionTuple}.
 * Immutable and thread-safe.
 */
public final class ExecutionTuple {

    private final SegmentStripes stripes;
    private final int index;

    ExecutionTuple(SegmentStripes stripes, int index) {
        this.stripes = stripes;
        this.index = index;
    }

    /** The tuple of a test run on one instance. */
    public static ExecutionTuple full() {
        return of(null, null);
    }

    /**
     * The tuple for {@code segment} (null: the whole test) in {@code sequence} (null or empty: the segment alone,
     * with the rest filled in).
     */
    public static ExecutionTuple of(ExecutionSegment segment, ExecutionSegmentSequence sequence) {
        ExecutionSegmentSequence filled = ExecutionSegmentSequence.filled(sequence, segment);
        ExecutionSegment own = segment == null ? ExecutionSegment.FULL : segment;
        return new ExecutionTuple(new SegmentStripes(filled), filled.indexOf(own));
    }

    public ExecutionSegment segment() {
        return stripes.sequence().get(index);
    }

    public ExecutionSegmentSequence sequence() {
        return stripes.sequence();
    }

    /** This instance's share of {@code value} things. */
    public long scale(long value) {
        return stripes.sequence().size() == 1 ? value : stripes.scale(index, value);
    }

    /**
     * The tuple that shares out exactly {@code value} things (such as a scenario's VUs) the way this one does; k6 uses
     * it so that iterations follow the VUs. {@code null} when this instance gets none of them.
     */
    public ExecutionTuple forValue(long value) {
        return stripes.reSegmented(value, index);
    }

    /** The first number (from 0) this instance owns. */
    public long start() {
        return stripes.start(index);
    }

    /** The distances between the numbers this instance owns, repeating. */
    public long[] steps() {
        return stripes.steps(index);
    }

    /** After how many numbers the striping repeats. */
    public long lcd() {
        return stripes.lcd();
    }

    @Override
    public String toString() {
        return segment() + " in " + sequence();
    }
}
