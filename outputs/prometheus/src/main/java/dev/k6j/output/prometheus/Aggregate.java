package dev.k6j.output.prometheus;

import dev.k6j.sinks.TrendSink;

/**
 * What the output keeps of one series (a metric with one set of tags) from the start of the test, as k6's output
 * keeps a sink per series: the values sent are cumulative, so a later successful push makes up for a failed one.
 * Touched by the output's flushing thread only.
 */
sealed interface Aggregate {

    /** Adds one sample's value. */
    void add(double value);

    /** A counter: the sum of the values. */
    final class Counter implements Aggregate {
        double sum;

        @Override
        public void add(double value) {
            sum += value;
        }
    }

    /** A gauge: the last value. */
    final class Gauge implements Aggregate {
        double last;

        @Override
        public void add(double value) {
            last = value;
        }
    }

    /** A rate: the share of non-zero values. */
    final class Rate implements Aggregate {
        long nonZero;
        long total;

        @Override
        public void add(double value) {
            total++;
            if (value != 0) {
                nonZero++;
            }
        }

        double ratio() {
            return total == 0 ? 0 : (double) nonZero / total;
        }
    }

    /** A trend mapped to one gauge per configured stat, kept as the end-of-test summary keeps it (k6's sink). */
    final class Trend implements Aggregate {
        final TrendSink sink = new TrendSink();

        @Override
        public void add(double value) {
            sink.add(value);
        }
    }

    /** A trend mapped to a native histogram; {@code divisor} turns milliseconds into seconds for time trends. */
    final class Histogram implements Aggregate {
        final NativeHistogram histogram = new NativeHistogram();
        private final double divisor;

        Histogram(double divisor) {
            this.divisor = divisor;
        }

        @Override
        public void add(double value) {
            histogram.observe(value / divisor);
        }
    }
}
