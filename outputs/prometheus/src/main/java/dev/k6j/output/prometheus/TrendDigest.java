package dev.k6j.output.prometheus;

import java.util.Arrays;
import org.HdrHistogram.DoubleHistogram;

/**
 * The values of one trend series, enough to answer every {@link TrendStat}: count, sum, min and max exactly; the
 * first {@value #EXACT_LIMIT} values kept as they are, so short tests get k6's very percentiles; beyond that, the
 * values move into HdrHistograms with 3 significant digits (one for positive values, one for the magnitudes of
 * negative ones, and a count of zeros), so memory stays flat however long the test runs. This is how the engine's
 * own trend sink keeps them, so the stats sent agree with the end-of-test summary.
 *
 * <p>Percentiles are k6's: the rank {@code p/100 * (count - 1)} interpolated linearly between the values around it.
 * An empty digest reports 0 for everything. Touched by the output's flushing thread only.
 */
final class TrendDigest {

    static final int EXACT_LIMIT = 1000;
    private static final int SIGNIFICANT_DIGITS = 3;

    private double[] exact = new double[16];
    private boolean sorted = true;
    private DoubleHistogram positive;
    private DoubleHistogram negative;
    private long zeros;
    private long count;
    private double sum;
    private double min;
    private double max;

    void add(double value) {
        if (count == 0) {
            min = value;
            max = value;
        } else {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        sum += value;
        if (exact != null && count == EXACT_LIMIT) {
            positive = new DoubleHistogram(SIGNIFICANT_DIGITS);
            negative = new DoubleHistogram(SIGNIFICANT_DIGITS);
            for (int i = 0; i < count; i++) {
                record(exact[i]);
            }
            exact = null;
        }
        if (exact != null) {
            if (count == exact.length) {
                exact = Arrays.copyOf(exact, exact.length * 2);
            }
            exact[(int) count] = value;
            sorted = false;
        } else {
            record(value);
        }
        count++;
    }

    long count() {
        return count;
    }

    double sum() {
        return sum;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    double avg() {
        return count == 0 ? 0 : sum / count;
    }

    double med() {
        return percentile(50);
    }

    /** {@code p(N)} for N from 0 to 100. */
    double percentile(double n) {
        if (count == 0) {
            return 0;
        }
        if (count == 1) {
            return min;
        }
        double rank = n / 100 * (count - 1.0);
        long below = (long) Math.floor(rank);
        long above = (long) Math.ceil(rank);
        double low = valueAtRank(below);
        double high = above == below ? low : valueAtRank(above);
        return low + (high - low) * (rank - below);
    }

    /** The value at a 0-based rank in ascending order, never outside min..max. */
    private double valueAtRank(long rank) {
        double value;
        if (exact != null) {
            if (!sorted) {
                Arrays.sort(exact, 0, (int) count);
                sorted = true;
            }
            value = exact[(int) rank];
        } else {
            long oneBased = rank + 1;
            long negatives = negative.getTotalCount();
            if (oneBased <= negatives) {
                value = -atRank(negative, negatives - oneBased + 1);
            } else if (oneBased <= negatives + zeros) {
                value = 0;
            } else {
                value = atRank(positive, oneBased - negatives - zeros);
            }
        }
        return Math.max(min, Math.min(max, value));
    }

    private static double atRank(DoubleHistogram histogram, long oneBasedRank) {
        double atPercentile = histogram.getValueAtPercentile(100.0 * oneBasedRank / histogram.getTotalCount());
        return histogram.medianEquivalentValue(atPercentile);
    }

    private void record(double value) {
        try {
            if (value > 0) {
                positive.recordValue(value);
            } else if (value < 0) {
                negative.recordValue(-value);
            } else {
                zeros++;
            }
        } catch (ArrayIndexOutOfBoundsException outOfRange) {
            // Beyond the ~2^50 range the histogram covers next to the values it holds (or infinite): count it at
            // the nearer edge. Percentiles are clamped to min..max, which stay exact.
            DoubleHistogram histogram = value > 0 ? positive : negative;
            double magnitude = Math.abs(value);
            histogram.recordValue(magnitude < histogram.getMinNonZeroValue() ? histogram.getMinNonZeroValue()
                    : histogram.getMaxValue());
        }
    }
}
