package dev.k6j.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.k6j.spi.MetricType;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrendValuesTest {

    private static TrendValues trendOf(double... values) {
        Sink sink = Sink.of(MetricType.TREND);
        for (double value : values) {
            sink.add(value);
        }
        return (TrendValues) sink.values();
    }

    /** k6's TrendSink.P: linear interpolation between the sorted values around rank p*(n-1). */
    private static double k6Percentile(double[] sorted, double pct) {
        double i = pct * (sorted.length - 1.0);
        double j = sorted[(int) Math.floor(i)];
        double k = sorted[(int) Math.ceil(i)];
        return j + (k - j) * (i - Math.floor(i));
    }

    @Test
    void smallTrendsGiveK6sExactInterpolatedPercentiles() {
        TrendValues trend = trendOf(10, 1, 9, 2, 8, 3, 7, 4, 6, 5);

        assertThat(trend.count()).isEqualTo(10);
        assertThat(trend.sum()).isEqualTo(55);
        assertThat(trend.avg()).isEqualTo(5.5);
        assertThat(trend.min()).isEqualTo(1);
        assertThat(trend.max()).isEqualTo(10);
        assertThat(trend.med()).isEqualTo(5.5);
        assertThat(trend.percentile(90)).isCloseTo(9.1, within(1e-12));
        assertThat(trend.percentile(95)).isCloseTo(9.55, within(1e-12));
        assertThat(trend.percentile(0)).isEqualTo(1);
        assertThat(trend.percentile(100)).isEqualTo(10);
    }

    @Test
    void anEmptyTrendIsAllZeroAsInK6() {
        TrendValues trend = trendOf();

        assertThat(trend.isEmpty()).isTrue();
        assertThat(trend.avg()).isZero();
        assertThat(trend.min()).isZero();
        assertThat(trend.max()).isZero();
        assertThat(trend.med()).isZero();
        assertThat(trend.percentile(95)).isZero();
    }

    @Test
    void percentilesOver100kSamplesAreWithinHdrHistogramPrecision() {
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[100_000];
        for (int i = 0; i < values.length; i++) {
            // latencies from 0.05 ms to about 5 s, skewed like real ones
            values[i] = 0.05 * Math.exp(random.nextDouble() * 11.5);
        }
        TrendValues trend = trendOf(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);

        assertThat(trend.count()).isEqualTo(100_000);
        assertThat(trend.min()).isEqualTo(sorted[0]);
        assertThat(trend.max()).isEqualTo(sorted[sorted.length - 1]);
        assertThat(trend.avg()).isCloseTo(Arrays.stream(values).average().orElseThrow(), within(1e-9));
        for (double pct : new double[] {1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99}) {
            double exact = k6Percentile(sorted, pct / 100);
            // 3 significant digits: a relative error of at most 1e-3
            assertThat(trend.percentile(pct)).as("p(%s)", pct).isCloseTo(exact, within(exact * 1e-3));
        }
    }

    @Test
    void negativeAndZeroValuesKeepTheirOrderInTheHistogram() {
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i - 2500;               // -2500 .. 2499, including 0
        }
        TrendValues trend = trendOf(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);

        for (double pct : new double[] {1, 25, 50, 75, 99}) {
            double exact = k6Percentile(sorted, pct / 100);
            assertThat(trend.percentile(pct)).as("p(%s)", pct).isCloseTo(exact, within(Math.abs(exact) * 1e-3 + 1e-9));
        }
        assertThat(trend.min()).isEqualTo(-2500);
        assertThat(trend.max()).isEqualTo(2499);
    }

    @Test
    void valuesFarApartStillGiveSensibleExtremes() {
        double[] values = new double[2000];
        Arrays.fill(values, 100);
        values[0] = 1e-12;
        values[1] = 1e12;
        TrendValues trend = trendOf(values);

        assertThat(trend.min()).isEqualTo(1e-12);
        assertThat(trend.max()).isEqualTo(1e12);
        assertThat(trend.med()).isCloseTo(100, within(0.1));
        assertThat(trend.percentile(100)).isEqualTo(1e12);
    }

    // The cases below came with the Prometheus output, which aggregated trends with a copy of this sink before.

    @Test
    void upToTheExactLimitThePercentilesAreK6sExactOnesNegativeValuesIncluded() {
        double[] values = new Random(7).doubles(TrendSink.EXACT_LIMIT, -50, 500).toArray();
        TrendValues trend = trendOf(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);

        for (double pct : new double[] {0, 1, 50, 90, 95, 99, 99.9, 100}) {
            assertThat(trend.percentile(pct)).as("p(%s)", pct).isEqualTo(k6Percentile(sorted, pct / 100));
        }
        assertThat(trend.med()).isEqualTo(k6Percentile(sorted, 0.5));
        assertThat(trend.count()).isEqualTo(TrendSink.EXACT_LIMIT);
        assertThat(trend.min()).isEqualTo(sorted[0]);
    }

    @Test
    void beyondTheExactLimitCountSumMinAndMaxStayExactAndTheExtremePercentilesStayWithinThem() {
        double[] values = new Random(11).doubles(50_000, 1, 2_000).toArray();
        values[3] = 0;
        values[4] = -5;
        TrendValues trend = trendOf(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);

        for (double pct : new double[] {1, 50, 90, 95, 99}) {
            double exact = k6Percentile(sorted, pct / 100);
            assertThat(trend.percentile(pct)).as("p(%s)", pct).isCloseTo(exact, within(exact * 2e-3));
        }
        assertThat(trend.count()).isEqualTo(50_000);
        assertThat(trend.sum()).isEqualTo(Arrays.stream(values).sum(), within(1e-6));
        assertThat(trend.min()).isEqualTo(-5);
        assertThat(trend.percentile(0)).isEqualTo(-5);
        assertThat(trend.max()).isEqualTo(sorted[sorted.length - 1]);
        assertThat(trend.percentile(100)).isCloseTo(trend.max(), within(trend.max() * 1e-3))
                .isLessThanOrEqualTo(trend.max());
    }

    @Test
    void anEmptyTrendCountsNothing() {
        TrendValues trend = trendOf();

        assertThat(trend.percentile(99)).isZero();
        assertThat(trend.count()).isZero();
    }
}
