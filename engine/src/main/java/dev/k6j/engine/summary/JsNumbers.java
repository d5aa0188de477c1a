package dev.k6j.engine.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * JavaScript's number formatting, which k6's summary code relies on: {@code Number.prototype.toString()} and
 * {@code toFixed()}. Stateless.
 */
final class JsNumbers {

    private JsNumbers() {
    }

    /**
     * {@code String(value)}: integers without a decimal point, other values with the fewest digits that read back
     * the same, exponent form below 1e-6 and from 1e21.
     */
    static String toString(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        // Since JDK 19 Double.toString gives the shortest digits that round-trip, as ECMAScript requires.
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }

    /** {@code value.toFixed(digits)}: rounds the exact binary value half away from zero. */
    static String toFixed(double value, int digits) {
        if (!Double.isFinite(value) || Math.abs(value) >= 1e21) {
            return toString(value);
        }
        BigDecimal rounded = new BigDecimal(value).setScale(digits, RoundingMode.HALF_UP);
        String text = rounded.toPlainString();
        return value < 0 && rounded.signum() == 0 ? "-" + text : text;
    }

    /** k6's {@code toFixedNoTrailingZeros}: {@code parseFloat(value.toFixed(digits)).toString()}. */
    static String toFixedNoTrailingZeros(double value, int digits) {
        return toString(Double.parseDouble(toFixed(value, digits)));
    }

    /** k6's {@code toFixedNoTrailingZerosTrunc}: truncates (not rounds) to {@code digits} decimals first. */
    static String toFixedNoTrailingZerosTrunc(double value, int digits) {
        double multiplier = Math.pow(10, digits);
        return toFixedNoTrailingZeros(trunc(multiplier * value) / multiplier, digits);
    }

    /** {@code Math.trunc}. */
    static double trunc(double value) {
        return value < 0 ? Math.ceil(value) : Math.floor(value);
    }
}
