package dev.k6j.maven;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the recorded outcomes of a {@code run} mean for the build.
 *
 * @param outcomes every script's outcome
 * @param failing  those that fail the build
 * @param tolerated those that crossed thresholds when {@code failOnThresholds} is false
 */
record Verdict(List<ScriptOutcome> outcomes, List<ScriptOutcome> failing, List<ScriptOutcome> tolerated) {

    static Verdict of(List<ScriptOutcome> outcomes, boolean failOnThresholds) {
        List<ScriptOutcome> failing = outcomes.stream()
                .filter(o -> !o.passed() && (failOnThresholds || !o.thresholdsOnly())).toList();
        List<ScriptOutcome> tolerated = outcomes.stream()
                .filter(o -> !o.passed() && !failing.contains(o)).toList();
        return new Verdict(outcomes, failing, tolerated);
    }

    /** The build failure's message: how many failed of how many, then each one's own message. */
    Optional<String> failure() {
        if (failing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(failing.size() + " of " + scripts(outcomes.size()) + " failed:\n"
                + failing.stream().map(ScriptOutcome::message).collect(Collectors.joining("\n")));
    }

    /** {@code 1 k6 script}, {@code 3 k6 scripts}. */
    static String scripts(int count) {
        return count + (count == 1 ? " k6 script" : " k6 scripts");
    }
}
