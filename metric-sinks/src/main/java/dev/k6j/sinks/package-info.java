/**
 * Metric sinks with k6's semantics ({@code metrics.Sink}): counter (sum, rate), gauge (last value, min, max), rate
 * (share of non-zero values) and trend (count, sum, min, max, avg, med, {@code p(N)} as k6 interpolates them), and
 * the aggregations thresholds compare. The engine's metrics engine aggregates with exactly these classes, so an
 * output that aggregates for itself shows the end-of-test summary's numbers.
 *
 * <p>Published as {@code k6j-metric-sinks}, beside the SPI rather than in it, because trends keep large runs in an
 * HdrHistogram. An extension depends on it at compile scope.
 */
package dev.k6j.sinks;
