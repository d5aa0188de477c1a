package dev.k6j.engine.execution;

/**
 * Where a test run is in its life, with k6's numbers ({@code lib.ExecutionStatus}), as the REST API's
 * {@code /v1/status} reports it.
 */
public enum ExecutionStatus {
    CREATED,
    INIT_VUS,
    INIT_EXECUTORS,
    INIT_DONE,
    PAUSED_BEFORE_RUN,
    STARTED,
    SETUP,
    RUNNING,
    TEARDOWN,
    ENDED,
    INTERRUPTED;

    /** k6's number for it. */
    public int code() {
        return ordinal();
    }
}
