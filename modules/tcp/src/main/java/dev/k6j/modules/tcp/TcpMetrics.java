package dev.k6j.modules.tcp;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricRegistry;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.ValueType;

/**
 * xk6-tcp's metrics, by its names and types, plus k6's {@code data_sent} and {@code data_received}. Immutable.
 *
 * @param resolving     {@code tcp_socket_resolving}: host name resolution (ms)
 * @param connecting    {@code tcp_socket_connecting}: TCP connect plus TLS handshake (ms)
 * @param duration      {@code tcp_socket_duration}: from connected to closed (ms)
 * @param sockets       {@code tcp_sockets}: connections established
 * @param reads         {@code tcp_reads}: reads that delivered data
 * @param writes        {@code tcp_writes}: write operations, succeeded or failed
 * @param errors        {@code tcp_errors}: errors of any kind
 * @param timeouts      {@code tcp_timeouts}: idle timeouts ({@code setTimeout})
 * @param partialWrites {@code tcp_partial_writes}: writes that failed after sending part of their data
 * @param dataSent      {@code data_sent} (bytes)
 * @param dataReceived  {@code data_received} (bytes)
 */
record TcpMetrics(Metric resolving, Metric connecting, Metric duration, Metric sockets, Metric reads,
                  Metric writes, Metric errors, Metric timeouts, Metric partialWrites, Metric dataSent,
                  Metric dataReceived) {

    static TcpMetrics register(MetricRegistry registry) {
        return new TcpMetrics(
                registry.register("tcp_socket_resolving", MetricType.TREND, ValueType.TIME),
                registry.register("tcp_socket_connecting", MetricType.TREND, ValueType.TIME),
                registry.register("tcp_socket_duration", MetricType.TREND, ValueType.TIME),
                registry.register("tcp_sockets", MetricType.COUNTER),
                registry.register("tcp_reads", MetricType.COUNTER),
                registry.register("tcp_writes", MetricType.COUNTER),
                registry.register("tcp_errors", MetricType.COUNTER),
                registry.register("tcp_timeouts", MetricType.COUNTER),
                registry.register("tcp_partial_writes", MetricType.COUNTER),
                registry.register("data_sent", MetricType.COUNTER, ValueType.DATA),
                registry.register("data_received", MetricType.COUNTER, ValueType.DATA));
    }
}
