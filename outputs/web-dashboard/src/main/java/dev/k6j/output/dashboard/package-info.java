/**
 * k6's web dashboard for k6j: {@code --out web-dashboard} (or {@code K6_WEB_DASHBOARD=true}) serves a live page of
 * the run, records its events and writes a self-contained HTML report; {@code k6j web-dashboard replay|report|
 * aggregate} does the same afterwards from a recording or a {@code --out json} file. See docs/dashboard.md.
 *
 * <p>Samples become xk6-dashboard's events in {@link dev.k6j.output.dashboard.Dashboard}; the events fan out to the
 * web server ({@code EventServer}), the recording ({@code Recorder}) and the report's history ({@code EventHistory},
 * {@code Report}). The page itself is built from {@code src/main/frontend} with npm at build time.
 */
package dev.k6j.output.dashboard;
