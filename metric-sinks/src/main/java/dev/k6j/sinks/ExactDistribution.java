package dev.k6j.sinks;

import java.util.Arrays;

/**
 * Keeps every value, as k6's trend sink does. Used only while a trend is small (see {@link TrendSink}), so the
 * percentiles of short tests are exactly k6's. Its sink's thread only, except frozen copies.
 */
final class ExactDistribution implements TrendDistribution {

    private double[] values;
    private int count;
    private boolean sorted;

    ExactDistribution() {
        this(new double[16], 0, true);
    }

    private ExactDistribution(double[] values, int count, boolean sorted) {
        this.values = values;
        this.count = count;
        this.sorted = sorted;
    }

    @Override
    public void add(double value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = value;
        sorted = false;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public double valueAtRank(long rank) {
        sort();
        return values[(int) rank];
    }

    @Override
    public TrendDistribution frozenCopy() {
        double[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        return new ExactDistribution(copy, count, true);
    }

    /** Hands every value to {@code target}, when the trend outgrows exact keeping. */
    void addAllTo(TrendDistribution target) {
        for (int i = 0; i < count; i++) {
            target.add(values[i]);
        }
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, count);
            sorted = true;
        }
    }
}
