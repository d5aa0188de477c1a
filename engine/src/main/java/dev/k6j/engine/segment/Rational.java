package dev.k6j.engine.segment;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact fraction, always reduced, with a positive denominator. Execution segments use them so that splitting
 * a test in thirds loses no VU to rounding. Immutable.
 */
public final class Rational implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Rational(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public static Rational of(long numerator, long denominator) {
        return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Rational of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        return new Rational(numerator, denominator);
    }

    /**
     * Parses a fraction ({@code 1/3}), a decimal ({@code 0.25}), an integer, or a whole percentage ({@code 25%}),
     * as k6 reads execution segments. Returns {@code null} when the text is none of those.
     */
    public static Rational parse(String text) {
        String s = text.trim();
        try {
            if (s.endsWith("%")) {
                return of(new BigInteger(s.substring(0, s.length() - 1)), BigInteger.valueOf(100));
            }
            int slash = s.indexOf('/');
            if (slash >= 0) {
                return of(new BigInteger(s.substring(0, slash)), new BigInteger(s.substring(slash + 1)));
            }
            BigDecimal decimal = new BigDecimal(s);
            return decimal.scale() <= 0 ? of(decimal.toBigIntegerExact(), BigInteger.ONE)
                    : of(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    public BigInteger numerator() {
        return numerator;
    }

    public BigInteger denominator() {
        return denominator;
    }

    public Rational plus(Rational other) {
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Rational minus(Rational other) {
        return plus(new Rational(other.numerator.negate(), other.denominator));
    }

    public Rational times(Rational other) {
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public int signum() {
        return numerator.signum();
    }

    public double doubleValue() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    /** {@code 1/3}, or {@code 1} for whole numbers, as Go's {@code big.Rat.RatString}. */
    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }

    /** The value with two decimals, as Go's {@code FloatString(2)} in k6's messages. */
    public String toDecimalString() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    @Override
    public int compareTo(Rational other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational r && numerator.equals(r.numerator) && denominator.equals(r.denominator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numerator, denominator);
    }
}
