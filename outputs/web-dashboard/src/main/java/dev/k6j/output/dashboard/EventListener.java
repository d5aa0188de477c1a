package dev.k6j.output.dashboard;

/**
 * Where dashboard events go: the web server, the recording, the report. Events arrive on one thread at a time, in
 * order; {@link #close()} comes after the last one.
 */
interface EventListener extends AutoCloseable {

    void onEvent(DashboardEvent event);

    /** Ends delivery (closes files). The web server keeps serving what it has. */
    @Override
    default void close() throws java.io.IOException {
    }
}
