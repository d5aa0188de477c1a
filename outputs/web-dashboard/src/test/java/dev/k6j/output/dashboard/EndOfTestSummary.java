package dev.k6j.output.dashboard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a test compares with the dashboard, read from k6's text summary as the CLI printed it.
 *
 * @param iterations    {@code iterations}' count
 * @param httpReqs      {@code http_reqs}' count
 * @param checksPassed  {@code checks}' passes
 * @param checksFailed  {@code checks}' fails
 */
record EndOfTestSummary(long iterations, long httpReqs, long checksPassed, long checksFailed) {

    /** A metric's line starts with its name, after the indent and a threshold's ✓ or ✗. */
    private static final String LINE = "(?m)^[\\s✓✗]*";

    static EndOfTestSummary parse(String stdout) {
        return new EndOfTestSummary(number(stdout, LINE + "iterations\\.+: (\\d+)"),
                number(stdout, LINE + "http_reqs\\.+: (\\d+)"),
                number(stdout, LINE + "checks\\.+: [\\d.]+% ✓ (\\d+)"),
                number(stdout, LINE + "checks\\.+: [\\d.]+% ✓ \\d+\\s+✗ (\\d+)"));
    }

    private static long number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("the summary has no line like /" + regex + "/:\n" + text);
        }
        return Long.parseLong(matcher.group(1));
    }
}
