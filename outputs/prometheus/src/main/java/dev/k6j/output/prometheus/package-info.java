/**
 * {@code --out experimental-prometheus-rw}: k6 metrics to a Prometheus remote-write 1.0 endpoint (Prometheus,
 * Mimir, Grafana Cloud, …), mapped as k6 maps them.
 *
 * <p>{@link dev.k6j.output.prometheus.PrometheusOutputFactory} is found by the engine through
 * {@code META-INF/services}; {@link dev.k6j.output.prometheus.PrometheusConfig} reads the settings (k6's names
 * and defaults); {@link dev.k6j.output.prometheus.PrometheusOutput} buffers, folds samples into cumulative series
 * and pushes them; {@code PrometheusMapping} names the series; {@code RemoteWriteClient} speaks the protocol (the
 * {@code prompb} classes are generated at build time from Prometheus' {@code .proto} files in
 * {@code src/main/proto}).
 */
package dev.k6j.output.prometheus;
