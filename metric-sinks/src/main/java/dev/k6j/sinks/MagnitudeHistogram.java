package dev.k6j.sinks;

import org.HdrHistogram.DoubleHistogram;

/**
 * Positive values in an auto-ranging HdrHistogram {@link DoubleHistogram} with 3 significant digits, so memory
 * stays flat however many values arrive. A value outside the range the histogram can cover next to the values it
 * already holds (a ratio beyond about 2^50) is counted at the low or high end and reported as the smallest or
 * largest value seen. Its sink's thread only, except frozen copies.
 */
final class MagnitudeHistogram {

    static final int SIGNIFICANT_DIGITS = 3;

    private final DoubleHistogram histogram;
    private long belowRange;
    private long aboveRange;
    private double smallest = Double.POSITIVE_INFINITY;
    private double largest = 0;

    MagnitudeHistogram() {
        this(new DoubleHistogram(SIGNIFICANT_DIGITS), 0, 0, Double.POSITIVE_INFINITY, 0);
    }

    private MagnitudeHistogram(DoubleHistogram histogram, long belowRange, long aboveRange,
                               double smallest, double largest) {
        this.histogram = histogram;
        this.belowRange = belowRange;
        this.aboveRange = aboveRange;
        this.smallest = smallest;
        this.largest = largest;
    }

    /** Records a value greater than zero. */
    void add(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            aboveRange++;
            largest = value;
            return;
        }
        try {
            histogram.recordValue(value);
        } catch (ArrayIndexOutOfBoundsException outOfRange) {
            if (histogram.getTotalCount() > 0 && value < histogram.getMinNonZeroValue()) {
                belowRange++;
            } else {
                aboveRange++;
            }
        }
        smallest = Math.min(smallest, value);
        largest = Math.max(largest, value);
    }

    long count() {
        return belowRange + histogram.getTotalCount() + aboveRange;
    }

    /** The value at a 1-based rank in ascending order. */
    double valueAtRank(long rank) {
        if (rank <= belowRange) {
            return smallest;
        }
        long inHistogram = rank - belowRange;
        long recorded = histogram.getTotalCount();
        if (inHistogram > recorded) {
            return largest;
        }
        double atPercentile = histogram.getValueAtPercentile(100.0 * inHistogram / recorded);
        double value = histogram.medianEquivalentValue(atPercentile);
        return Math.max(smallest, Math.min(largest, value));
    }

    MagnitudeHistogram frozenCopy() {
        return new MagnitudeHistogram(histogram.copy(), belowRange, aboveRange, smallest, largest);
    }
}
