package dev.k6j.engine.segment;

/**
 * Walks the numbers an instance owns: the n-th one of this instance ({@code scaled}, from 1) and its number in the
 * whole test ({@code unscaled}, from 1). Gives VUs their {@code idInTest} and iterations their
 * {@code iterationInTest}. k6's {@code SegmentedIndex}. Not thread-safe: callers synchronize.
 */
public final class SegmentedIndex {

    private final long start;
    private final long lcd;
    private final long[] steps;
    private long scaled;
    private long unscaled;

    public SegmentedIndex(ExecutionTuple tuple) {
        this.start = tuple.start();
        this.lcd = tuple.lcd();
        this.steps = tuple.steps();
    }

    /** Moves to the next owned number. */
    public void next() {
        if (scaled == 0) {
            unscaled += start + 1;
        } else {
            unscaled += steps[(int) ((scaled - 1) % steps.length)];
        }
        scaled++;
    }

    /** Moves to the previous owned number; undefined at the first. */
    public void previous() {
        if (scaled == 1) {
            unscaled -= start + 1;
        } else {
            unscaled -= steps[(int) ((scaled - 2) % steps.length)];
        }
        scaled--;
    }

    /** Moves to the biggest owned position whose number in the whole test is at most {@code value}. */
    public void goTo(long value) {
        long wholeCycles = value / lcd;
        scaled = wholeCycles * steps.length;
        unscaled = wholeCycles * lcd + start + 1;
        int step = 0;
        for (long n = start; n < value % lcd; n += steps[step++]) {
            scaled++;
            unscaled += steps[step];
        }
        if (step > 0) {
            unscaled -= steps[step - 1];
        } else if (scaled > 0) {
            unscaled -= steps[steps.length - 1];
        }
        if (scaled == 0) {
            unscaled = 0;
        }
    }

    /** This instance's count so far (from 1; 0 before the first). */
    public long scaled() {
        return scaled;
    }

    /** The whole test's number of the current position (from 1; 0 before the first). */
    public long unscaled() {
        return unscaled;
    }
}
