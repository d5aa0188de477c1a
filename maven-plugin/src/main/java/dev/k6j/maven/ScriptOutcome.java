package dev.k6j.maven;

/**
 * One script's result as the {@code run} goal records it for the {@code verify} goal.
 *
 * @param script   the script, relative to the project's folder
 * @param exitCode the exit code {@code k6 run} would end with (0 passed, 99 crossed thresholds, 107 script error, …)
 * @param message  why it failed, for a person (each crossed threshold with its value, or the script error with its
 *                 file:line); {@code null} when it passed
 * @param reports  the folder with its summaries
 */
record ScriptOutcome(String script, int exitCode, String message, String reports) {

    static final int THRESHOLDS_CROSSED = 99;

    boolean passed() {
        return exitCode == 0;
    }

    /** Whether it failed only because thresholds were crossed (which {@code failOnThresholds=false} lets pass). */
    boolean thresholdsOnly() {
        return exitCode == THRESHOLDS_CROSSED;
    }
}
