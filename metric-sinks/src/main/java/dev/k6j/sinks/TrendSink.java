package dev.k6j.sinks;

/**
 * Aggregates a trend: count, sum, min and max exactly; percentiles from a {@link TrendDistribution}. The first
 * {@value #EXACT_LIMIT} values are kept exactly (so short tests show k6's very numbers); beyond that they move into
 * an HdrHistogram with 3 significant digits, so memory stays flat however long the test runs.
 *
 * <p>Owned by one thread (see {@link Sink}).
 */
public final class TrendSink implements Sink {

    /** How many values are kept exactly before switching to a histogram. */
    static final int EXACT_LIMIT = 1000;

    private TrendDistribution distribution = new ExactDistribution();
    private long count;
    private double sum;
    private double min;
    private double max;

    @Override
    public void add(double value) {
        if (count == 0) {
            min = value;
            max = value;
        } else {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        count++;
        sum += value;
        if (distribution instanceof ExactDistribution exact && exact.count() == EXACT_LIMIT) {
            HdrDistribution histogram = new HdrDistribution();
            exact.addAllTo(histogram);
            distribution = histogram;
        }
        distribution.add(value);
    }

    @Override
    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    public TrendValues values() {
        return new TrendValues(count, sum, min, max, distribution.frozenCopy());
    }
}
