/**
 * The end-of-test summary, as k6 makes it: {@link dev.k6j.engine.summary.SummaryData} builds the object a script's
 * {@code handleSummary(data)} receives, {@link dev.k6j.engine.summary.TextSummary} renders k6's classic text summary
 * from it, and {@link dev.k6j.engine.summary.SummaryExport} writes the {@code --summary-export} JSON file.
 *
 * <p>Everything here is stateless and runs on whichever thread ends the test.
 */
package dev.k6j.engine.summary;
