package dev.k6j.output.prometheus;

import dev.k6j.output.prometheus.prompb.Types;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Prometheus native (sparse, exponential) histogram of one trend series, built as k6's output builds it with
 * Prometheus' Go client and a bucket factor of 1.1: schema 3 (each power of two split into 8 buckets, each bound
 * 2^(1/8) times the one before), the client's default zero threshold, no bucket limit. Bucket {@code i} holds the
 * values in (2^((i-1)/8), 2^(i/8)]. Touched by the output's flushing thread only.
 */
final class NativeHistogram {

    /** The schema a bucket factor of 1.1 gives: the largest n with 2^(2^-n) ≤ 1.1. */
    static final int SCHEMA = 3;
    /** The Go client's {@code DefNativeHistogramZeroThreshold}, 2^-128. */
    static final double ZERO_THRESHOLD = 2.938735877055719e-39;

    /** The fractions where schema 3's buckets end within one power of two, as the Go client tabulates them. */
    private static final double[] BOUNDS = {
        0.5, 0.5452538663326288, 0.5946035575013605, 0.6484197773255048,
        0.7071067811865475, 0.7711054127039704, 0.8408964152537144, 0.9170040432046711,
    };

    private final Map<Integer, Long> positive = new TreeMap<>();
    private final Map<Integer, Long> negative = new TreeMap<>();
    private long zeroCount;
    private long count;
    private double sum;

    /** Adds one observation (already in the base unit: seconds for time). NaN counts in sum and count only. */
    void observe(double value) {
        count++;
        sum += value;
        if (Double.isNaN(value)) {
            return;
        }
        if (value > ZERO_THRESHOLD) {
            positive.merge(bucketKey(value), 1L, Long::sum);
        } else if (value < -ZERO_THRESHOLD) {
            negative.merge(bucketKey(value), 1L, Long::sum);
        } else {
            zeroCount++;
        }
    }

    long count() {
        return count;
    }

    double sum() {
        return sum;
    }

    /** The bucket index of a value's magnitude: Go's {@code frexp} fraction looked up in the bounds table. */
    static int bucketKey(double value) {
        double magnitude = Math.abs(value);
        boolean infinite = Double.isInfinite(magnitude);
        if (infinite) {
            magnitude = Double.MAX_VALUE;
        }
        // Go's frexp: magnitude = fraction * 2^exponent with fraction in [0.5, 1). Only values above the zero
        // threshold get here, so the magnitude is a normal double and getExponent is exact.
        int exponent = Math.getExponent(magnitude) + 1;
        double fraction = Math.scalb(magnitude, -exponent);
        int key = searchBounds(fraction) + (exponent - 1) * BOUNDS.length;
        return infinite ? key + 1 : key;
    }

    /** Go's {@code sort.SearchFloat64s}: the first index whose bound is ≥ the fraction. */
    private static int searchBounds(double fraction) {
        int at = Arrays.binarySearch(BOUNDS, fraction);
        return at >= 0 ? at : -at - 1;
    }

    /** The histogram as remote-write sends it, with integer counts and delta-encoded buckets. */
    Types.Histogram toProto(long timestampMillis) {
        Types.Histogram.Builder proto = Types.Histogram.newBuilder()
                .setCountInt(count)
                .setSum(sum)
                .setSchema(SCHEMA)
                .setZeroThreshold(ZERO_THRESHOLD)
                .setZeroCountInt(zeroCount)
                .setTimestamp(timestampMillis);
        appendBuckets(negative, proto, false);
        appendBuckets(positive, proto, true);
        return proto.build();
    }

    /**
     * Spans and deltas as the Go client makes them: a gap of one or two empty buckets is filled with zero counts
     * inside the span, a longer gap starts a new span.
     */
    private static void appendBuckets(Map<Integer, Long> buckets, Types.Histogram.Builder proto, boolean positive) {
        Types.BucketSpan.Builder span = null;
        long previousCount = 0;
        int nextKey = 0;
        boolean first = true;
        for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
            int key = bucket.getKey();
            int gap = key - nextKey;
            if (first || gap > 2) {
                if (span != null) {
                    addSpan(proto, span, positive);
                }
                span = Types.BucketSpan.newBuilder().setOffset(gap).setLength(0);
                first = false;
            } else {
                for (int i = 0; i < gap; i++) {
                    span.setLength(span.getLength() + 1);
                    addDelta(proto, -previousCount, positive);
                    previousCount = 0;
                }
            }
            span.setLength(span.getLength() + 1);
            addDelta(proto, bucket.getValue() - previousCount, positive);
            previousCount = bucket.getValue();
            nextKey = key + 1;
        }
        if (span != null) {
            addSpan(proto, span, positive);
        }
    }

    private static void addSpan(Types.Histogram.Builder proto, Types.BucketSpan.Builder span, boolean positive) {
        if (positive) {
            proto.addPositiveSpans(span);
        } else {
            proto.addNegativeSpans(span);
        }
    }

    private static void addDelta(Types.Histogram.Builder proto, long delta, boolean positive) {
        if (positive) {
            proto.addPositiveDeltas(delta);
        } else {
            proto.addNegativeDeltas(delta);
        }
    }
}
