/**
 * The shared state of a test's execution, as k6's {@code lib.ExecutionState}: counters, the VUs busy now, pause and
 * resume, whether and why the test must stop ({@link dev.k6j.engine.execution.TestRunState}), and where the run is in
 * its life ({@link dev.k6j.engine.execution.ExecutionStatus}). The scenarios, executors and the test runner all read
 * and write it, so it sits below them.
 */
package dev.k6j.engine.execution;
