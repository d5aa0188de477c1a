package dev.k6j.spi;

/** How a test run ended, as k6 reports it to outputs. */
public enum RunStatus {
    FINISHED,
    ABORTED_USER,
    ABORTED_THRESHOLD,
    ABORTED_SCRIPT_ERROR,
    ABORTED_SYSTEM,
    INTERRUPTED
}
