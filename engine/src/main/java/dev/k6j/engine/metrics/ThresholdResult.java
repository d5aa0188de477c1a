package dev.k6j.engine.metrics;

import java.util.OptionalDouble;

/**
 * The outcome of one threshold at one evaluation.
 *
 * @param metric the metric or sub-metric name ({@link MetricKey#name()})
 * @param source the expression as written
 * @param ok     whether it holds (also true when it was not evaluated because its sink was empty)
 * @param abort  whether this failure must abort the run now ({@code abortOnFail} and its delay has passed)
 * @param observed the aggregation's value the expression was tested with ({@code p(95)} of the trend, the rate, …),
 *                 in the expression's unit; empty when the sink had no value for it
 */
public record ThresholdResult(String metric, String source, boolean ok, boolean abort, OptionalDouble observed) {
}
