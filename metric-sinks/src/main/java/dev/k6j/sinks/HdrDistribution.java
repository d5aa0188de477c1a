package dev.k6j.sinks;

/**
 * A trend's values as histograms with 3 significant digits: one for positive values, one for the magnitudes of
 * negative values, and a count of zeros (HdrHistogram records non-negative values only). Memory stays flat over long
 * tests. Its sink's thread only, except frozen copies.
 */
final class HdrDistribution implements TrendDistribution {

    private final MagnitudeHistogram positive;
    private final MagnitudeHistogram negative;
    private long zeros;

    HdrDistribution() {
        this(new MagnitudeHistogram(), new MagnitudeHistogram(), 0);
    }

    private HdrDistribution(MagnitudeHistogram positive, MagnitudeHistogram negative, long zeros) {
        this.positive = positive;
        this.negative = negative;
        this.zeros = zeros;
    }

    @Override
    public void add(double value) {
        if (value > 0) {
            positive.add(value);
        } else if (value < 0) {
            negative.add(-value);
        } else {
            zeros++;
        }
    }

    @Override
    public long count() {
        return negative.count() + zeros + positive.count();
    }

    @Override
    public double valueAtRank(long rank) {
        long oneBased = rank + 1;
        long negatives = negative.count();
        if (oneBased <= negatives) {
            // the k-th smallest negative value has the (negatives - k + 1)-th smallest magnitude
            return -negative.valueAtRank(negatives - oneBased + 1);
        }
        if (oneBased <= negatives + zeros) {
            return 0;
        }
        return positive.valueAtRank(oneBased - negatives - zeros);
    }

    @Override
    public TrendDistribution frozenCopy() {
        return new HdrDistribution(positive.frozenCopy(), negative.frozenCopy(), zeros);
    }
}
