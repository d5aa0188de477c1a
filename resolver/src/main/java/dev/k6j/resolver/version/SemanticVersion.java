package dev.k6j.resolver.version;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version read the way k6's directives read them (the semver library k6 uses, in its lenient mode): an optional
 * {@code v}, one to three numbers ({@code 1.2} is {@code 1.2.0}), an optional pre-release after {@code -} and build
 * metadata after {@code +}. Maven versions such as {@code 1.0.0}, {@code 1.2} or {@code 2.0.0-SNAPSHOT} read as
 * they look ({@code SNAPSHOT} is a pre-release); versions of other shapes ({@code 1.2.3.4}, {@code 1.0.Final}) do not
 * read at all, and no constraint picks them. Immutable.
 *
 * @param major      the first number
 * @param minor      the second, 0 when absent
 * @param patch      the third, 0 when absent
 * @param preRelease what follows {@code -}, or empty
 * @param original   the text it was read from
 */
public record SemanticVersion(long major, long minor, long patch, String preRelease, String original)
        implements Comparable<SemanticVersion> {

    private static final Pattern VERSION = Pattern.compile(
            "v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?"
                    + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
                    + "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    /** The version of {@code text}, or empty when it is not of that shape. */
    public static Optional<SemanticVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SemanticVersion(Long.parseLong(m.group(1)), number(m.group(2)), number(m.group(3)),
                    m.group(4) == null ? "" : m.group(4), text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than a long holds
        }
    }

    static SemanticVersion of(long major, long minor, long patch, String preRelease) {
        return new SemanticVersion(major, minor, patch, preRelease,
                major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease));
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    /** Whether it has a pre-release part ({@code -alpha.1}, {@code -SNAPSHOT}). */
    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** {@code major.minor.patch[-pre]}, without a {@code v} or build metadata. */
    public String canonical() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
    }

    /** Semantic Versioning precedence: numbers, then a release above its pre-releases, then pre-release parts. */
    @Override
    public int compareTo(SemanticVersion other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        return c != 0 ? c : comparePreRelease(preRelease, other.preRelease);
    }

    /** Equal precedence (build metadata and spelling ignored). */
    public boolean sameAs(SemanticVersion other) {
        return compareTo(other) == 0;
    }

    private static int comparePreRelease(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isEmpty()) {
            return 1;
        }
        if (b.isEmpty()) {
            return -1;
        }
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = compareIdentifier(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit);
        boolean numericB = b.chars().allMatch(Character::isDigit);
        if (numericA && numericB) {
            return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1; // numbers sort before words
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return original;
    }
}
