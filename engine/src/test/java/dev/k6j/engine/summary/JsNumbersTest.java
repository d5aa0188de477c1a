package dev.k6j.engine.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsNumbersTest {

    @Test
    void toStringMatchesJavaScript() {
        assertThat(JsNumbers.toString(1.0)).isEqualTo("1");
        assertThat(JsNumbers.toString(-0.0)).isEqualTo("0");
        assertThat(JsNumbers.toString(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(JsNumbers.toString(123456789012.0)).isEqualTo("123456789012");
        assertThat(JsNumbers.toString(0.000001)).isEqualTo("0.000001");
        assertThat(JsNumbers.toString(1e-7)).isEqualTo("1e-7");
        assertThat(JsNumbers.toString(-1.5e-7)).isEqualTo("-1.5e-7");
        assertThat(JsNumbers.toString(1e21)).isEqualTo("1e+21");
        assertThat(JsNumbers.toString(1.25e22)).isEqualTo("1.25e+22");
        assertThat(JsNumbers.toString(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void toFixedRoundsTheExactBinaryValueHalfAwayFromZero() {
        assertThat(JsNumbers.toFixed(1.005, 2)).isEqualTo("1.00");
        assertThat(JsNumbers.toFixed(2.5, 0)).isEqualTo("3");
        assertThat(JsNumbers.toFixed(-2.5, 0)).isEqualTo("-3");
        assertThat(JsNumbers.toFixed(-0.001, 2)).isEqualTo("-0.00");
        assertThat(JsNumbers.toFixed(0, 2)).isEqualTo("0.00");
        assertThat(JsNumbers.toFixed(1e21, 2)).isEqualTo("1e+21");
    }
}
