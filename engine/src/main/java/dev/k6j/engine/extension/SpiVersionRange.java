package dev.k6j.engine.extension;

/**
 * A range of SPI versions as an extension declares it in its manifest ({@code K6j-Spi-Requires}), in Maven's
 * notation: {@code [0.1,0.2)} (0.1 up to, not including, 0.2), {@code [0.1,)} (0.1 or newer), {@code [0.1]}
 * (exactly 0.1), or a bare {@code 0.1} (0.1 or newer). Versions compare by their numbers only
 * ({@link SpiVersion#compare}). Immutable.
 */
public record SpiVersionRange(String text, String lower, boolean lowerInclusive, String upper, boolean upperInclusive) {

    /** Parses a range; throws {@link IllegalArgumentException} with what is wrong. */
    public static SpiVersionRange parse(String text) {
        String range = text.strip();
        if (range.isEmpty()) {
            throw new IllegalArgumentException("the range is empty");
        }
        char first = range.charAt(0);
        if (first != '[' && first != '(') {
            SpiVersion.numbers(range);
            return new SpiVersionRange(range, range, true, null, false);
        }
        char last = range.charAt(range.length() - 1);
        if (last != ']' && last != ')') {
            throw new IllegalArgumentException("'" + range + "' must end with ] or )");
        }
        String inner = range.substring(1, range.length() - 1);
        int comma = inner.indexOf(',');
        if (comma < 0) {
            if (first != '[' || last != ']') {
                throw new IllegalArgumentException("an exact version is written [1.0]");
            }
            SpiVersion.numbers(inner);
            return new SpiVersionRange(range, inner.strip(), true, inner.strip(), true);
        }
        String lower = blankToNull(inner.substring(0, comma));
        String upper = blankToNull(inner.substring(comma + 1));
        if (lower != null) {
            SpiVersion.numbers(lower);
        }
        if (upper != null) {
            SpiVersion.numbers(upper);
        }
        return new SpiVersionRange(range, lower, first == '[', upper, last == ']');
    }

    /** Whether {@code version} is inside the range. */
    public boolean contains(String version) {
        if (lower != null) {
            int c = SpiVersion.compare(version, lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = SpiVersion.compare(version, upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
