package dev.k6j.spi;

/**
 * The scenario a VU runs now, as {@code k6/execution}'s {@code scenario} shows it. Thread-safe.
 */
public interface ScenarioState {

    /** The scenario's name ({@code "default"} for the shortcut options). */
    String name();

    /** The executor's name, e.g. {@code "constant-vus"}. */
    String executor();

    /** When the scenario started, in milliseconds since the epoch. */
    long startTimeMillis();

    /** How far the scenario has come, from 0 to 1. */
    double progress();

    /** Iterations started so far by this scenario in this instance (the next one's number). */
    long iterationInInstance();

    /** The current iteration's number across all instances of the test. */
    long iterationInTest();

    /** What a VU sees outside any scenario. */
    ScenarioState NONE = new ScenarioState() {
        public String name() { return ""; }
        public String executor() { return ""; }
        public long startTimeMillis() { return 0; }
        public double progress() { return 0; }
        public long iterationInInstance() { return 0; }
        public long iterationInTest() { return 0; }
    };
}
