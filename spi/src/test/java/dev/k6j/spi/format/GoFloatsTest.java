package dev.k6j.spi.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatsTest {

    /** Expected values are what Go's strconv.FormatFloat(v, 'g', -1, 64) prints. */
    @ParameterizedTest
    @CsvSource({
            "1, 1",
            "5, 5",
            "0.5, 0.5",
            "459.865729, 459.865729",
            "100, 100",
            "123456, 123456",
            "999999, 999999",
            "1000000, 1e+06",
            "1234567, 1.234567e+06",
            "1e21, 1e+21",
            "1.5e300, 1.5e+300",
            "0.0001, 0.0001",
            "0.00012, 0.00012",
            "0.00001, 1e-05",
            "1.5e-7, 1.5e-07",
            "-2.5, -2.5",
            "-1000000, -1e+06",
            "0.1, 0.1",
            "0.30000000000000004, 0.30000000000000004",
            "4.9e-324, 5e-324",
            "0, 0",
    })
    void shortestMatchesGoStrconvG(double value, String expected) {
        assertThat(GoFloats.shortest(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"NaN, NaN", "Infinity, +Inf", "-Infinity, -Inf", "-0.0, -0"})
    void shortestSpecialValuesAsGo(double value, String expected) {
        assertThat(GoFloats.shortest(value)).isEqualTo(expected);
    }

    /** Expected values are what Go's fmt.Sprintf("%f", v) prints. */
    @ParameterizedTest
    @CsvSource({
            "1, 1.000000",
            "221.899, 221.899000",
            "0, 0.000000",
            "-0.0, -0.000000",
            "-1e-9, -0.000000",
            "0.0000005, 0.000000",
            "0.0078125, 0.007812",
            "0.0234375, 0.023438",
            "123456789.123456789, 123456789.123457",
            "1e20, 100000000000000000000.000000",
            "-3.25, -3.250000",
            "Infinity, +Inf",
            "-Infinity, -Inf",
            "NaN, NaN",
    })
    void fixed6MatchesGoPercentF(double value, String expected) {
        assertThat(GoFloats.fixed6(value)).isEqualTo(expected);
    }
}
