package dev.k6j.engine.segment;

import dev.k6j.engine.errors.K6jException;

/**
 * The part {@code (from, to]} of a test's work one instance runs, as k6's {@code --execution-segment}. For example
 * {@code 1/3:2/3} is the middle third. Immutable.
 *
 * @param from where the segment starts, at least 0
 * @param to   where it ends, at most 1 and more than {@code from}
 */
public record ExecutionSegment(Rational from, Rational to) {

    /** The whole test, {@code 0:1}. */
    public static final ExecutionSegment FULL = new ExecutionSegment(Rational.ZERO, Rational.ONE);

    public ExecutionSegment {
        if (from.signum() < 0) {
            throw K6jException.invalidConfig("segment start value must be at least 0 but was "
                    + from.toDecimalString());
        }
        if (from.compareTo(to) >= 0) {
            throw K6jException.invalidConfig("segment start(" + from.toDecimalString() + ") must be less than its end("
                    + to.toDecimalString() + ")");
        }
        if (to.compareTo(Rational.ONE) > 0) {
            throw K6jException.invalidConfig("segment end value can't be more than 1 but was " + to.toDecimalString());
        }
    }

    /**
     * Parses {@code from:to} ({@code 1/2:3/4}, {@code 0.5:0.75}, {@code 50%:75%}), or a single value, which is the end
     * of a segment starting at 0 ({@code 20%} is {@code 0:1/5}). Empty text is the whole test.
     */
    public static ExecutionSegment parse(String text) {
        String to = text == null || text.isBlank() ? "1" : text.trim();
        Rational from = Rational.ZERO;
        int colon = to.indexOf(':');
        if (colon >= 0) {
            from = value(to.substring(0, colon));
            to = to.substring(colon + 1);
        }
        return new ExecutionSegment(from, value(to));
    }

    static Rational value(String text) {
        Rational value = Rational.parse(text);
        if (value == null) {
            throw K6jException.invalidConfig(text.trim().endsWith("%") ? "'" + text + "' is not a valid percentage"
                    : "'" + text + "' is not a valid percentage, decimal, fraction or interval value");
        }
        return value;
    }

    /** {@code to - from}. */
    public Rational length() {
        return to.minus(from);
    }

    /** The share of the test, as a number from 0 to 1 (for the banner's percentage). */
    public double floatLength() {
        return length().doubleValue();
    }

    @Override
    public String toString() {
        return from + ":" + to;
    }
}
