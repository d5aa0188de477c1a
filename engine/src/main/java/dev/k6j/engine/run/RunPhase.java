package dev.k6j.engine.run;

import dev.k6j.engine.execution.ExecutionStatus;

/**
 * Where a run is, in the words a user needs when stopping it: what a graceful stop (the first Ctrl-C) does now, or
 * waits for. k6's numbered {@link ExecutionStatus} is the REST API's view; this one is for messages.
 */
enum RunPhase {
    INIT("nothing has started yet: stopping now"),
    VU_INIT("interrupting the initialization of VUs; the summary follows"),
    SETUP("interrupting setup(); the summary follows"),
    RUN("interrupting the running iterations; then teardown(), the summary and the outputs' last writes"),
    TEARDOWN("waiting for teardown() to finish (at most teardownTimeout); then the summary"),
    SUMMARY("waiting for the end-of-test summary (handleSummary() runs for at most handleSummaryTimeout)"),
    OUTPUTS("waiting for the outputs to deliver their last samples");

    private final String gracefulStop;

    RunPhase(String gracefulStop) {
        this.gracefulStop = gracefulStop;
    }

    /** What stopping gracefully means in this phase. */
    String gracefulStop() {
        return gracefulStop;
    }
}
