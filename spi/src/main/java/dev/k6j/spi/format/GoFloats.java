package dev.k6j.spi.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers as Go prints them. Stateless; any thread. */
public final class GoFloats {

    private GoFloats() {
    }

    /**
     * Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}, which k6's JSON output (easyjson) uses for values: the
     * shortest text that reads back as {@code v}, in exponent form when the decimal exponent is below -4 or at
     * least 6: {@code 1}, {@code 0.25}, {@code 123456}, {@code 1.234567e+06}, {@code 1e-05}.
     */
    public static String shortest(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        if (v == 0) {
            return negative ? "-0" : "0";
        }
        // Double.toString gives the shortest digits that round-trip (JDK 19+), as Go's shortest mode does.
        BigDecimal decimal = shortestDecimal(Math.abs(v));
        String digits = decimal.unscaledValue().toString();
        int pointAt = digits.length() - decimal.scale(); // value = 0.<digits> × 10^pointAt
        int exponent = pointAt - 1;
        StringBuilder out = new StringBuilder(24);
        if (negative) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= 6) {
            appendExponentForm(out, digits, exponent);
        } else {
            appendPlainForm(out, digits, pointAt);
        }
        return out.toString();
    }

    /**
     * Go's {@code fmt.Sprintf("%f", v)}, which k6's CSV output uses: six decimals, rounded half to even on the
     * exact binary value ({@code 1.000000}, {@code 221.899000}, {@code -0.000000}, {@code +Inf}).
     */
    public static String fixed6(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        String text = new BigDecimal(Math.abs(v)).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        return negative ? "-" + text : text;
    }

    /**
     * The shortest decimal that reads back as {@code v}. {@link Double#toString} is shortest too, except that it
     * never uses one digit where two are closer (which matters only for tiny subnormals, e.g. 4.9E-324 where Go
     * prints 5e-324), so a one-digit form is tried as well.
     */
    private static BigDecimal shortestDecimal(double v) {
        BigDecimal decimal = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        if (decimal.precision() == 2) {
            BigDecimal oneDigit = decimal.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (oneDigit.doubleValue() == v) {
                return oneDigit.stripTrailingZeros();
            }
        }
        return decimal;
    }

    private static void appendExponentForm(StringBuilder out, String digits, int exponent) {
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        out.append(magnitude);
    }

    private static void appendPlainForm(StringBuilder out, String digits, int pointAt) {
        if (pointAt <= 0) {
            out.append("0.");
            out.append("0".repeat(-pointAt));
            out.append(digits);
            return;
        }
        if (pointAt >= digits.length()) {
            out.append(digits);
            out.append("0".repeat(pointAt - digits.length()));
            return;
        }
        out.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
    }
}
