/**
 * The metrics pipeline, as k6 defines it: the {@link dev.k6j.engine.metrics.MetricRegistryImpl registry},
 * k6's {@link dev.k6j.engine.metrics.BuiltinMetrics built-in metrics}, the
 * {@link dev.k6j.engine.metrics.MetricsEngine metrics engine} whose single ingester thread feeds one sink per
 * metric and sub-metric and hands every batch to the outputs, and {@link dev.k6j.engine.metrics.Thresholds thresholds}
 * evaluated on {@link dev.k6j.engine.metrics.MetricsSnapshot snapshots} of those sinks.
 *
 * <p>Data flows one way: VUs {@code push} samples, the ingester adds them to sinks and passes them to listeners,
 * the runner takes snapshots to evaluate thresholds and to build the end-of-test summary.
 */
package dev.k6j.engine.metrics;
