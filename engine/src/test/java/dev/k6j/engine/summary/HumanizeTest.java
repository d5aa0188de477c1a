package dev.k6j.engine.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanizeTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0s", "0.0005, 500ns", "0.5, 500µs", "0.01234, 12.34µs", "1.234567, 1.23ms", "999.999, 999.99ms",
        "1000, 1s", "1500, 1.5s", "59999, 59.99s", "65000, 1m5s", "125999, 2m5s", "3725000, 1h2m5s",
    })
    void durationsUseK6sUnitsAndTruncate(double millis, String text) {
        assertThat(Humanize.value(millis, "trend", "time", "")).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"1.5, s, 0.00s", "1500, s, 1.50s", "1.5, ms, 1.50ms", "1.5, us, 1500.00µs"})
    void aFixedTimeUnitShowsTwoDecimals(double millis, String unit, String text) {
        assertThat(Humanize.value(millis, "trend", "time", unit)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 B", "5, 5 B", "15, 15 B", "999, 999 B", "1100, 1.1 kB", "11000, 11 kB", "2500000, 2.5 MB",
        "1234567890, 1.2 GB", "110.5, 111 B"})
    void bytesUseDecimalUnits(double bytes, String text) {
        assertThat(Humanize.value(bytes, "counter", "data", "")).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0.95, 95.00%", "1, 100.00%", "0, 0.00%", "0.123456, 12.34%", "0.99999, 99.99%"})
    void ratesArePercentagesTruncatedToTwoDecimals(double rate, String text) {
        assertThat(Humanize.value(rate, "rate", "default", "")).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"10, 10", "4.369380, 4.36938", "0.3333333333, 0.333333", "1e-7, 0", "-2.5, -2.5"})
    void plainNumbersHaveUpToSixDecimals(double value, String text) {
        assertThat(Humanize.value(value, "counter", "default", "")).isEqualTo(text);
    }
}
