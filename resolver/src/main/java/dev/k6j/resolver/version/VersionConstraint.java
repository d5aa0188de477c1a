package dev.k6j.resolver.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint in the grammar of k6's {@code "use k6 …"} directives (the Masterminds semver constraints k6
 * parses them with), checked against Maven versions with the same rules:
 * <ul>
 *   <li>comparisons {@code =} (or none), {@code !=}, {@code >}, {@code >=}, {@code <}, {@code <=} ({@code =>} and
 *       {@code =<} too), each on a version of one to three numbers, with an optional {@code v};</li>
 *   <li>{@code ~1.2.3} (same minor: {@code >=1.2.3 <1.3.0}), {@code ~1} (same major), {@code ^1.2.3} (same major:
 *       {@code >=1.2.3 <2.0.0}; {@code ^0.2.3} is {@code >=0.2.3 <0.3.0}, {@code ^0.0.3} is {@code =0.0.3});</li>
 *   <li>wildcards {@code 1.2.x}, {@code 1.*}, {@code *}; a hyphen range {@code 1.2 - 1.4.5} ({@code >=1.2 <=1.4.5});</li>
 *   <li>comparisons joined by spaces or commas must all hold; groups joined by {@code ||} are alternatives;</li>
 *   <li>a pre-release ({@code 2.0.0-rc.1}, {@code 1.1.0-SNAPSHOT}) matches only a group that itself names a
 *       pre-release.</li>
 * </ul>
 * {@link #toMavenRange()} writes the same set as a Maven version range, for messages. Immutable.
 */
public final class VersionConstraint {

    private static final String OPERATORS = "!=|>=|=>|<=|=<|~>|=|>|<|~|\\^|";
    private static final String VERSION = "v?([0-9xX*]+)(\\.[0-9xX*]+)?(\\.[0-9xX*]+)?"
            + "(-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?";
    private static final String VERSION_PLAIN = VERSION.replaceAll("\\((?!\\?)", "(?:");
    private static final Pattern ONE = Pattern.compile("^\\s*(" + OPERATORS + ")\\s*(" + VERSION + ")\\s*$");
    private static final Pattern FIND = Pattern.compile("(" + OPERATORS + ")\\s*(" + VERSION_PLAIN + ")");
    private static final Pattern VALID_GROUP = Pattern.compile("^(\\s*(?:" + OPERATORS + ")\\s*(?:" + VERSION_PLAIN
            + ")\\s*)((?:\\s+|,\\s*)(?:" + OPERATORS + ")\\s*(?:" + VERSION_PLAIN + ")\\s*)*$");
    private static final Pattern HYPHEN_RANGE = Pattern.compile("\\s*(" + VERSION_PLAIN + ")\\s+-\\s+("
            + VERSION_PLAIN + ")\\s*");

    /** Any version: what an import without a directive asks for ({@code *}). */
    public static final VersionConstraint ANY = parse("*");

    private final String text;
    private final List<List<Comparison>> groups;
    private final List<Boolean> groupNamesPreRelease;

    private VersionConstraint(String text, List<List<Comparison>> groups, List<Boolean> groupNamesPreRelease) {
        this.text = text;
        this.groups = groups;
        this.groupNamesPreRelease = groupNamesPreRelease;
    }

    /**
     * Reads a constraint.
     *
     * @throws IllegalArgumentException {@code improper constraint: …}, as k6 says
     */
    public static VersionConstraint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("improper constraint: " + (text == null ? "" : text));
        }
        String rewritten = HYPHEN_RANGE.matcher(text).replaceAll(r -> ">= " + Matcher.quoteReplacement(r.group(1))
                + ", <= " + Matcher.quoteReplacement(r.group(2)) + " ");
        List<List<Comparison>> groups = new ArrayList<>();
        List<Boolean> preReleases = new ArrayList<>();
        for (String group : rewritten.split("\\|\\|", -1)) {
            if (!VALID_GROUP.matcher(group).matches()) {
                throw new IllegalArgumentException("improper constraint: " + group.strip());
            }
            List<Comparison> comparisons = new ArrayList<>();
            Matcher found = FIND.matcher(group);
            while (found.find()) {
                comparisons.add(Comparison.parse(found.group()));
            }
            groups.add(List.copyOf(comparisons));
            preReleases.add(comparisons.stream().anyMatch(c -> c.version().isPreRelease()));
        }
        return new VersionConstraint(text.strip(), List.copyOf(groups), List.copyOf(preReleases));
    }

    /** Whether {@code version} satisfies the constraint, by k6's rules (pre-releases only when a group names one). */
    public boolean matches(SemanticVersion version) {
        return matches(version, false);
    }

    /**
     * Whether {@code version} satisfies the constraint.
     *
     * @param includePreReleases let every group match pre-releases (for a version already present, such as a
     *                           development build of the engine)
     */
    public boolean matches(SemanticVersion version, boolean includePreReleases) {
        for (int i = 0; i < groups.size(); i++) {
            boolean pre = includePreReleases || groupNamesPreRelease.get(i);
            if (groups.get(i).stream().allMatch(c -> c.matches(version, pre))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the constraint is {@code *} (or another spelling that every release satisfies). */
    public boolean isAny() {
        return groups.stream().anyMatch(g -> g.stream().allMatch(c -> c.operator().isEmpty() && c.dirty()
                && c.version().major() == 0 && !c.minorDirty() && !c.patchDirty()));
    }

    /** Whether exactly one version satisfies it ({@code 1.2.3} or {@code =1.2.3}): a result that never changes. */
    public boolean pinsOneVersion() {
        return groups.size() == 1 && groups.getFirst().size() == 1
                && (groups.getFirst().getFirst().operator().isEmpty() || groups.getFirst().getFirst().operator().equals("="))
                && !groups.getFirst().getFirst().dirty();
    }

    /**
     * The same versions as a Maven version range: {@code ^1.2} is {@code [1.2.0,2.0.0)}, {@code >=1 || <0.5} is
     * {@code (,0.5.0),[1.0.0,)}, {@code 1.2.3} is {@code [1.2.3]}, and {@code *} is {@code [0.0.0,)}. (Maven counts
     * {@code 2.0.0-SNAPSHOT} inside {@code [1.2.0,2.0.0)}; the constraint itself does not.)
     */
    public String toMavenRange() {
        List<Interval> union = new ArrayList<>();
        for (List<Comparison> group : groups) {
            List<Interval> set = List.of(Interval.ALL);
            for (Comparison comparison : group) {
                set = Interval.intersect(set, comparison.intervals());
            }
            union.addAll(set);
        }
        if (union.isEmpty()) {
            return "(no version)";
        }
        return String.join(",", union.stream().map(Interval::toMaven).toList());
    }

    /** The constraint as k6 prints it: {@code >=1.2.3 <2.0.0 || ~3.1}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (List<Comparison> group : groups) {
            parts.add(String.join(" ", group.stream().map(c -> c.operator() + c.written()).toList()));
        }
        return String.join(" || ", parts);
    }

    /** The text it was read from. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionConstraint other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /**
     * One comparison such as {@code >=1.2} or {@code ~1.x}. A version with wildcards or missing parts is "dirty":
     * {@code 1.2} and {@code 1.2.x} leave the patch open ({@code patchDirty}), {@code 1} and {@code 1.x} the minor
     * too ({@code minorDirty}), {@code *} everything.
     */
    private record Comparison(String operator, String written, SemanticVersion version, boolean dirty,
                              boolean minorDirty, boolean patchDirty) {

        static Comparison parse(String text) {
            Matcher m = ONE.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("improper constraint: " + text);
            }
            String operator = m.group(1);
            String major = m.group(3);
            String minor = m.group(4) == null ? "" : m.group(4).substring(1);
            String patch = m.group(5) == null ? "" : m.group(5).substring(1);
            String pre = m.group(6) == null ? "" : m.group(6).substring(1);
            boolean dirty = false;
            boolean minorDirty = false;
            boolean patchDirty = false;
            SemanticVersion version;
            if (isWildcard(major)) {
                dirty = true;
                version = SemanticVersion.of(0, 0, 0, pre);
            } else if (minor.isEmpty() || isWildcard(minor)) {
                dirty = true;
                minorDirty = true;
                version = SemanticVersion.of(number(major, text), 0, 0, pre);
            } else if (patch.isEmpty() || isWildcard(patch)) {
                dirty = true;
                patchDirty = true;
                version = SemanticVersion.of(number(major, text), number(minor, text), 0, pre);
            } else {
                version = SemanticVersion.of(number(major, text), number(minor, text), number(patch, text), pre);
            }
            return new Comparison(operator, m.group(2), version, dirty, minorDirty, patchDirty);
        }

        private static boolean isWildcard(String part) {
            return part.equals("x") || part.equals("X") || part.equals("*");
        }

        private static long number(String part, String text) {
            if (!part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("improper constraint: " + text);
            }
            return Long.parseLong(part);
        }

        boolean matches(SemanticVersion v, boolean includePreReleases) {
            if (v.isPreRelease() && !includePreReleases) {
                return false;
            }
            return switch (operator) {
                case "", "=" -> dirty ? tilde(v) : v.compareTo(version) == 0;
                case "!=" -> notEqual(v);
                case ">" -> greater(v);
                case "<" -> v.compareTo(version) < 0;
                case ">=", "=>" -> v.compareTo(version) >= 0;
                case "<=", "=<" -> lessOrEqual(v);
                case "~", "~>" -> tilde(v);
                case "^" -> caret(v);
                default -> throw new IllegalStateException(operator);
            };
        }

        private boolean notEqual(SemanticVersion v) {
            if (dirty) {
                if (version.major() != v.major()) {
                    return true;
                }
                if (minorDirty) {
                    return false;
                }
                if (version.minor() != v.minor()) {
                    return true;
                }
                if (patchDirty) {
                    return false;
                }
            }
            return v.compareTo(version) != 0;
        }

        private boolean greater(SemanticVersion v) {
            if (!dirty) {
                return v.compareTo(version) > 0;
            }
            if (v.major() != version.major()) {
                return v.major() > version.major();
            }
            if (minorDirty) {
                return false; // >1 wants 2 or more
            }
            if (patchDirty) {
                return v.minor() > version.minor(); // >1.2 wants 1.3 or more
            }
            return v.compareTo(version) > 0;
        }

        private boolean lessOrEqual(SemanticVersion v) {
            if (!dirty) {
                return v.compareTo(version) <= 0;
            }
            if (v.major() > version.major()) {
                return false;
            }
            return !(v.major() == version.major() && v.minor() > version.minor() && !minorDirty);
        }

        private boolean tilde(SemanticVersion v) {
            if (v.compareTo(version) < 0) {
                return false;
            }
            if (version.major() == 0 && version.minor() == 0 && version.patch() == 0 && !minorDirty && !patchDirty) {
                return true; // ~0.0.0 and * take anything
            }
            return v.major() == version.major() && (minorDirty || v.minor() == version.minor());
        }

        private boolean caret(SemanticVersion v) {
            if (v.compareTo(version) < 0) {
                return false;
            }
            if (version.major() > 0 || minorDirty) {
                return v.major() == version.major();
            }
            if (v.major() > 0) {
                return false;
            }
            if (version.minor() > 0 || patchDirty) {
                return v.minor() == version.minor();
            }
            return v.minor() == 0 && v.patch() == version.patch();
        }

        /** The versions this comparison admits, as intervals (pre-release rules aside). */
        List<Interval> intervals() {
            SemanticVersion v = version;
            return switch (operator) {
                case "", "=" -> dirty ? tildeIntervals() : List.of(Interval.exactly(v));
                case "!=" -> {
                    if (dirty && minorDirty) {
                        yield List.of(Interval.below(v, false), Interval.from(SemanticVersion.of(v.major() + 1, 0, 0, ""), true));
                    }
                    if (dirty && patchDirty) {
                        yield List.of(Interval.below(v, false),
                                Interval.from(SemanticVersion.of(v.major(), v.minor() + 1, 0, ""), true));
                    }
                    yield List.of(Interval.below(v, false), Interval.from(v, false));
                }
                case ">" -> {
                    if (dirty && minorDirty) {
                        yield List.of(Interval.from(SemanticVersion.of(v.major() + 1, 0, 0, ""), true));
                    }
                    if (dirty && patchDirty) {
                        yield List.of(Interval.from(SemanticVersion.of(v.major(), v.minor() + 1, 0, ""), true));
                    }
                    yield List.of(Interval.from(v, false));
                }
                case ">=", "=>" -> List.of(Interval.from(v, true));
                case "<" -> List.of(Interval.below(v, false));
                case "<=", "=<" -> {
                    if (dirty && minorDirty) {
                        yield List.of(Interval.below(SemanticVersion.of(v.major() + 1, 0, 0, ""), false));
                    }
                    if (dirty && patchDirty) {
                        yield List.of(Interval.below(SemanticVersion.of(v.major(), v.minor() + 1, 0, ""), false));
                    }
                    yield List.of(dirty ? Interval.ALL : Interval.below(v, true));
                }
                case "~", "~>" -> tildeIntervals();
                case "^" -> {
                    SemanticVersion upper;
                    if (v.major() > 0 || minorDirty) {
                        upper = SemanticVersion.of(v.major() + 1, 0, 0, "");
                    } else if (v.minor() > 0 || patchDirty) {
                        upper = SemanticVersion.of(0, v.minor() + 1, 0, "");
                    } else {
                        upper = SemanticVersion.of(0, 0, v.patch() + 1, "");
                    }
                    yield List.of(new Interval(v, true, upper, false));
                }
                default -> throw new IllegalStateException(operator);
            };
        }

        private List<Interval> tildeIntervals() {
            SemanticVersion v = version;
            if (v.major() == 0 && v.minor() == 0 && v.patch() == 0 && !minorDirty && !patchDirty) {
                return List.of(Interval.from(v, true));
            }
            SemanticVersion upper = minorDirty ? SemanticVersion.of(v.major() + 1, 0, 0, "")
                    : SemanticVersion.of(v.major(), v.minor() + 1, 0, "");
            return List.of(new Interval(v, true, upper, false));
        }
    }

    /** A run of versions between two bounds; a {@code null} bound is open. */
    private record Interval(SemanticVersion low, boolean lowInclusive, SemanticVersion high, boolean highInclusive) {

        static final Interval ALL = new Interval(null, false, null, false);

        static Interval exactly(SemanticVersion v) {
            return new Interval(v, true, v, true);
        }

        static Interval from(SemanticVersion v, boolean inclusive) {
            return new Interval(v, inclusive, null, false);
        }

        static Interval below(SemanticVersion v, boolean inclusive) {
            return new Interval(null, false, v, inclusive);
        }

        static List<Interval> intersect(List<Interval> left, List<Interval> right) {
            List<Interval> result = new ArrayList<>();
            for (Interval a : left) {
                for (Interval b : right) {
                    Interval both = a.and(b);
                    if (both != null) {
                        result.add(both);
                    }
                }
            }
            return result;
        }

        private Interval and(Interval other) {
            SemanticVersion lo = low;
            boolean loIn = lowInclusive;
            if (other.low != null && (lo == null || other.low.compareTo(lo) > 0)) {
                lo = other.low;
                loIn = other.lowInclusive;
            } else if (other.low != null && other.low.compareTo(lo) == 0) {
                loIn = loIn && other.lowInclusive;
            }
            SemanticVersion hi = high;
            boolean hiIn = highInclusive;
            if (other.high != null && (hi == null || other.high.compareTo(hi) < 0)) {
                hi = other.high;
                hiIn = other.highInclusive;
            } else if (other.high != null && other.high.compareTo(hi) == 0) {
                hiIn = hiIn && other.highInclusive;
            }
            if (lo != null && hi != null && (lo.compareTo(hi) > 0 || (lo.compareTo(hi) == 0 && !(loIn && hiIn)))) {
                return null;
            }
            return new Interval(lo, loIn, hi, hiIn);
        }

        String toMaven() {
            if (low != null && high != null && low.compareTo(high) == 0) {
                return "[" + low.canonical() + "]";
            }
            if (low == null && high == null) {
                return "[0,)";
            }
            return (low == null ? "(" : (lowInclusive ? "[" : "(") + low.canonical()) + ","
                    + (high == null ? ")" : high.canonical() + (highInclusive ? "]" : ")"));
        }
    }
}
