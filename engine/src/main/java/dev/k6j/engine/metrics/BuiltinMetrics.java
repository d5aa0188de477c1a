package dev.k6j.engine.metrics;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricRegistry;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.ValueType;

/**
 * k6's engine metrics ({@code metrics/builtin.go}), registered in a run's registry. Protocol metrics
 * ({@code http_*}, {@code ws_*}, {@code grpc_*}) are registered by their modules.
 *
 * <p>Immutable once built; any thread may read the fields.
 */
public final class BuiltinMetrics {

    /** Gauge: VUs running now. */
    public final Metric vus;
    /** Gauge: VUs allocated. */
    public final Metric vusMax;
    /** Counter: completed iterations. */
    public final Metric iterations;
    /** Trend (time): how long an iteration took. */
    public final Metric iterationDuration;
    /** Counter: iterations an arrival-rate executor could not start. */
    public final Metric droppedIterations;
    /** Rate: passed checks. */
    public final Metric checks;
    /** Trend (time): how long a {@code group()} took. */
    public final Metric groupDuration;
    /** Counter (data): bytes sent. */
    public final Metric dataSent;
    /** Counter (data): bytes received. */
    public final Metric dataReceived;

    public BuiltinMetrics(MetricRegistry registry) {
        vus = registry.register("vus", MetricType.GAUGE);
        vusMax = registry.register("vus_max", MetricType.GAUGE);
        iterations = registry.register("iterations", MetricType.COUNTER);
        iterationDuration = registry.register("iteration_duration", MetricType.TREND, ValueType.TIME);
        droppedIterations = registry.register("dropped_iterations", MetricType.COUNTER);
        checks = registry.register("checks", MetricType.RATE);
        groupDuration = registry.register("group_duration", MetricType.TREND, ValueType.TIME);
        dataSent = registry.register("data_sent", MetricType.COUNTER, ValueType.DATA);
        dataReceived = registry.register("data_received", MetricType.COUNTER, ValueType.DATA);
    }
}
