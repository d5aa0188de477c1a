package dev.k6j.engine.summary;

import java.util.Comparator;

/**
 * The order of metrics in k6's text summary: by parent name, each sub-metric right after its parent, comparing as
 * JavaScript's {@code localeCompare} does in k6 (Unicode root collation): punctuation before digits before letters,
 * letters regardless of case first, then lowercase before uppercase. So {@code http_req_waiting} comes before
 * {@code http_reqs} and {@code vus} before {@code vus_max}. Stateless.
 */
final class MetricNameOrder implements Comparator<String> {

    static final MetricNameOrder INSTANCE = new MetricNameOrder();

    @Override
    public int compare(String a, String b) {
        String parentA = parent(a);
        String parentB = parent(b);
        int byParent = localeCompare(parentA, parentB);
        if (byParent != 0) {
            return byParent;
        }
        return localeCompare(a.substring(parentA.length()), b.substring(parentB.length()));
    }

    private static String parent(String name) {
        int brace = name.indexOf('{');
        return brace < 0 ? name : name.substring(0, brace);
    }

    static int localeCompare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            int byPrimary = Long.compare(primary(a.charAt(i)), primary(b.charAt(i)));
            if (byPrimary != 0) {
                return byPrimary;
            }
        }
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // same letter in another case: lowercase first
                return Character.isLowerCase(x) ? -1 : Character.isLowerCase(y) ? 1 : Character.compare(x, y);
            }
        }
        return 0;
    }

    /** A character's primary weight: its class (space, punctuation, digit, letter), then the case-folded char. */
    private static long primary(char c) {
        int group;
        if (Character.isWhitespace(c)) {
            group = 0;
        } else if (Character.isDigit(c)) {
            group = 2;
        } else if (Character.isLetter(c)) {
            group = 3;
        } else {
            group = 1;
        }
        return ((long) group << 32) | Character.toLowerCase(c);
    }
}
