package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.output.prometheus.prompb.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeHistogramTest {

    private static List<String> spans(List<Types.BucketSpan> spans) {
        return spans.stream().map(s -> s.getOffset() + ":" + s.getLength()).toList();
    }

    @Test
    void matchesK6sOwnExampleOfTwoObservations() {
        // k6's TestNativeHistogramSinkMapPrompb: 1.52 and 3.14 give spans {5,1},{8,1} and deltas 1,0 with schema 3
        NativeHistogram histogram = new NativeHistogram();
        histogram.observe(1.52);
        histogram.observe(3.14);

        Types.Histogram proto = histogram.toProto(3000);

        assertThat(proto.getCountInt()).isEqualTo(2);
        assertThat(proto.getSum()).isEqualTo(4.66);
        assertThat(proto.getSchema()).isEqualTo(3);
        assertThat(proto.getZeroThreshold()).isEqualTo(2.938735877055719e-39);
        assertThat(proto.getZeroCountInt()).isZero();
        assertThat(proto.getTimestamp()).isEqualTo(3000);
        assertThat(spans(proto.getPositiveSpansList())).containsExactly("5:1", "8:1");
        assertThat(proto.getPositiveDeltasList()).containsExactly(1L, 0L);
        assertThat(proto.getNegativeSpansList()).isEmpty();
    }

    @Test
    void aPowerOfTwoIsTheUpperBoundOfItsBucket() {
        assertThat(NativeHistogram.bucketKey(1.0)).isZero();
        assertThat(NativeHistogram.bucketKey(Math.nextUp(1.0))).isEqualTo(1);
        assertThat(NativeHistogram.bucketKey(2.0)).isEqualTo(8);
        assertThat(NativeHistogram.bucketKey(0.5)).isEqualTo(-8);
        assertThat(NativeHistogram.bucketKey(0.001)).isEqualTo(-79); // 2^(-80/8) < 0.001 <= 2^(-79/8)
        assertThat(NativeHistogram.bucketKey(-3.14)).isEqualTo(NativeHistogram.bucketKey(3.14));
    }

    @Test
    void everyValueLiesInItsBucket() {
        for (double value = 1e-6; value < 1e6; value *= 1.0123) {
            int key = NativeHistogram.bucketKey(value);
            double upper = Math.pow(2, key / 8.0);
            double lower = Math.pow(2, (key - 1) / 8.0);
            assertThat(value).as("bucket %d", key).isLessThanOrEqualTo(upper * (1 + 1e-12)).isGreaterThan(lower * (1 - 1e-12));
        }
    }

    @Test
    void smallGapsStayInOneSpanAndLargeOnesStartAnother() {
        NativeHistogram histogram = new NativeHistogram();
        histogram.observe(1.0);           // key 0
        histogram.observe(1.25);          // key 3, (2^(2/8), 2^(3/8)]: a gap of two empty buckets
        histogram.observe(1.25);
        histogram.observe(4.0);           // key 16: gap of twelve

        Types.Histogram proto = histogram.toProto(0);

        assertThat(spans(proto.getPositiveSpansList())).containsExactly("0:4", "12:1");
        assertThat(proto.getPositiveDeltasList()).containsExactly(1L, -1L, 0L, 2L, -1L);
    }

    @Test
    void zerosAndNegativesHaveTheirOwnBuckets() {
        NativeHistogram histogram = new NativeHistogram();
        histogram.observe(0);
        histogram.observe(-1.0);
        histogram.observe(-1.0);

        Types.Histogram proto = histogram.toProto(0);

        assertThat(proto.getZeroCountInt()).isEqualTo(1);
        assertThat(spans(proto.getNegativeSpansList())).containsExactly("0:1");
        assertThat(proto.getNegativeDeltasList()).containsExactly(2L);
        assertThat(proto.getCountInt()).isEqualTo(3);
        assertThat(proto.getSum()).isEqualTo(-2.0);
    }
}
