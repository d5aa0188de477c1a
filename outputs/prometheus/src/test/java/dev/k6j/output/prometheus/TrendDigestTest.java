package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrendDigestTest {

    private static double exactPercentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }

    @Test
    void upToAThousandValuesThePercentilesAreK6sExactOnes() {
        double[] values = new Random(7).doubles(TrendDigest.EXACT_LIMIT, -50, 500).toArray();
        TrendDigest digest = new TrendDigest();
        Arrays.stream(values).forEach(digest::add);

        for (double p : new double[] {0, 1, 50, 90, 95, 99, 99.9, 100}) {
            assertThat(digest.percentile(p)).as("p(%s)", p).isEqualTo(exactPercentile(values, p));
        }
        assertThat(digest.med()).isEqualTo(exactPercentile(values, 50));
        assertThat(digest.count()).isEqualTo(TrendDigest.EXACT_LIMIT);
        assertThat(digest.min()).isEqualTo(Arrays.stream(values).min().orElseThrow());
    }

    @Test
    void beyondThatTheyStayWithinThreeSignificantDigitsAndCountSumMinMaxStayExact() {
        double[] values = new Random(11).doubles(50_000, 1, 2_000).toArray();
        values[3] = 0;
        values[4] = -5;
        TrendDigest digest = new TrendDigest();
        Arrays.stream(values).forEach(digest::add);

        for (double p : new double[] {1, 50, 90, 95, 99}) {
            double exact = exactPercentile(values, p);
            assertThat(digest.percentile(p)).as("p(%s)", p).isCloseTo(exact, within(exact * 2e-3));
        }
        assertThat(digest.count()).isEqualTo(50_000);
        assertThat(digest.sum()).isEqualTo(Arrays.stream(values).sum(), within(1e-6));
        assertThat(digest.min()).isEqualTo(-5);
        assertThat(digest.percentile(0)).isEqualTo(-5);
        assertThat(digest.max()).isEqualTo(Arrays.stream(values).max().orElseThrow());
        assertThat(digest.percentile(100)).isCloseTo(digest.max(), within(digest.max() * 1e-3))
                .isLessThanOrEqualTo(digest.max());
    }

    @Test
    void anEmptyTrendIsAllZeros() {
        TrendDigest digest = new TrendDigest();

        assertThat(digest.avg()).isZero();
        assertThat(digest.percentile(99)).isZero();
        assertThat(digest.count()).isZero();
    }
}
