package dev.k6j.output.dashboard;

/**
 * One event of the dashboard's stream, as xk6-dashboard names and shapes them (its {@code how-it-works.md}):
 * {@code param} (the run's settings), {@code metric} (new metrics' types), {@code start}, {@code snapshot} (one
 * period's aggregates), {@code cumulative} (the aggregates since the start), {@code threshold} (the failing
 * thresholds) and {@code stop}; k6j adds {@code summary} (the end-of-test summary) before {@code stop}. The same
 * events go to the browser (server-sent events), to the recording (one JSON line each) and into the HTML report.
 *
 * @param name the event's name
 * @param data its data: JSON-like (maps, lists, strings, numbers, booleans)
 */
record DashboardEvent(String name, Object data) {

    static final String PARAM = "param";
    static final String METRIC = "metric";
    static final String START = "start";
    static final String SNAPSHOT = "snapshot";
    static final String CUMULATIVE = "cumulative";
    static final String THRESHOLD = "threshold";
    static final String SUMMARY = "summary";
    static final String STOP = "stop";
    /** The dashboard's layout in xk6-dashboard; k6j's page has its own, so such events are skipped when read. */
    static final String CONFIG = "config";
}
