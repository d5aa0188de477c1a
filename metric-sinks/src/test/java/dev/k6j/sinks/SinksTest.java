package dev.k6j.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.spi.MetricType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SinksTest {

    @Test
    void aCounterSumsAndReportsARatePerSecond() {
        Sink sink = Sink.of(MetricType.COUNTER);
        assertThat(sink.isEmpty()).isTrue();
        sink.add(3);
        sink.add(7);

        CounterValues values = (CounterValues) sink.values();
        assertThat(values.sum()).isEqualTo(10);
        assertThat(values.rate(Duration.ofSeconds(4))).isEqualTo(2.5);
        assertThat(values.rate(Duration.ZERO)).isZero();
        assertThat(values.isEmpty()).isFalse();
    }

    @Test
    void aGaugeKeepsTheLastValueAndMinAndMaxWithMaxStartingAtZeroAsInK6() {
        Sink sink = Sink.of(MetricType.GAUGE);
        sink.add(5);
        sink.add(2);
        sink.add(9);
        sink.add(4);
        assertThat(sink.values()).isEqualTo(new GaugeValues(4, 2, 9, 4));

        Sink negative = Sink.of(MetricType.GAUGE);
        negative.add(-3);
        negative.add(-1);
        assertThat(negative.values()).isEqualTo(new GaugeValues(-1, -3, 0, 2));
    }

    @Test
    void aRateCountsNonZeroValues() {
        Sink sink = Sink.of(MetricType.RATE);
        sink.add(1);
        sink.add(0);
        sink.add(0.5);
        sink.add(0);

        RateValues values = (RateValues) sink.values();
        assertThat(values.passes()).isEqualTo(2);
        assertThat(values.fails()).isEqualTo(2);
        assertThat(values.rate()).isEqualTo(0.5);
        assertThat(new RateValues(0, 0).rate()).isZero();
    }

    @Test
    void valuesAreACopyThatLaterSamplesDoNotChange() {
        Sink sink = Sink.of(MetricType.TREND);
        sink.add(1);
        TrendValues before = (TrendValues) sink.values();
        sink.add(100);

        assertThat(before.count()).isEqualTo(1);
        assertThat(before.max()).isEqualTo(1);
        assertThat(before.percentile(99)).isEqualTo(1);
    }
}
