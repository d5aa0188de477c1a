package dev.k6j.modules.websockets;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricRegistry;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.ValueType;

/**
 * The metrics k6 reports for WebSockets (the same names and types in {@code k6/websockets} and {@code k6/ws}).
 * Immutable.
 *
 * @param connecting      {@code ws_connecting}: time to establish the connection (TCP, TLS, upgrade)
 * @param sessions        {@code ws_sessions}: connections started
 * @param sessionDuration {@code ws_session_duration}: from connecting to closed
 * @param msgsSent        {@code ws_msgs_sent}: messages sent
 * @param msgsReceived    {@code ws_msgs_received}: messages received
 * @param ping            {@code ws_ping}: time from our ping to the server's pong
 * @param dataSent        {@code data_sent}: bytes on the wire, out
 * @param dataReceived    {@code data_received}: bytes on the wire, in
 */
record WsMetrics(Metric connecting, Metric sessions, Metric sessionDuration, Metric msgsSent, Metric msgsReceived,
                 Metric ping, Metric dataSent, Metric dataReceived) {

    static WsMetrics register(MetricRegistry registry) {
        return new WsMetrics(
                registry.register("ws_connecting", MetricType.TREND, ValueType.TIME),
                registry.register("ws_sessions", MetricType.COUNTER),
                registry.register("ws_session_duration", MetricType.TREND, ValueType.TIME),
                registry.register("ws_msgs_sent", MetricType.COUNTER),
                registry.register("ws_msgs_received", MetricType.COUNTER),
                registry.register("ws_ping", MetricType.TREND, ValueType.TIME),
                registry.register("data_sent", MetricType.COUNTER, ValueType.DATA),
                registry.register("data_received", MetricType.COUNTER, ValueType.DATA));
    }
}
