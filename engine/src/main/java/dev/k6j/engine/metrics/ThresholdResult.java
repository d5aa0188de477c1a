package dev.k6j.engine.metrics;

/**
 * The outcome of one threshold at one evaluation.
 *
 * @param metric the metric or sub-metric name ({@link MetricKey#name()})
 * @param source the expression as written
 * @param ok     whether it holds (also true when it was not evaluated because its sink was empty)
 * @param abort  whether this failure must abort the run now ({@code abortOnFail} and its delay has passed)
 */
public record ThresholdResult(String metric, String source, boolean ok, boolean abort) {
}
