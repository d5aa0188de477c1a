package dev.k6j.output.dashboard;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The events of a short run with the metrics of k6j's WebSocket, gRPC and TCP modules and an extension's own
 * counter and trend, made by the real {@link Dashboard}: what the page's protocol and custom sections show.
 */
final class ProtocolRun {

    private ProtocolRun() {
    }

    static List<DashboardEvent> events() {
        List<Metric> counters = new ArrayList<>();
        List<Metric> trends = new ArrayList<>();
        for (String name : List.of("ws_sessions", "ws_msgs_sent", "ws_msgs_received", "grpc_streams",
                "grpc_streams_msgs_sent", "tcp_sockets", "tcp_reads", "tcp_writes", "kafka_writer_messages")) {
            counters.add(new Metric(name, MetricType.COUNTER, ValueType.DEFAULT));
        }
        for (String name : List.of("ws_connecting", "ws_session_duration", "grpc_req_duration",
                "tcp_socket_connecting", "tcp_socket_duration", "kafka_writer_latency")) {
            trends.add(new Metric(name, MetricType.TREND, ValueType.TIME));
        }
        EventHistory history = new EventHistory();
        Dashboard dashboard = new Dashboard(history, List.of("scenario", "group"));
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        dashboard.start(Map.of("period", 1000, "aggregates", Aggregates.NAMES), start);
        TagSet tags = TagSet.of("scenario", "protocols");
        for (int period = 1; period <= 10; period++) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < 5 + period; i++) {
                counters.forEach(metric -> samples.add(new Sample(metric, 0, 1, tags, TagSet.EMPTY)));
                for (Metric metric : trends) {
                    samples.add(new Sample(metric, 0, 1 + (i * 7 + period) % 13, tags, TagSet.EMPTY));
                }
            }
            dashboard.flush(samples, start.plus(Duration.ofSeconds(period)));
        }
        dashboard.stop(null, start.plus(Duration.ofSeconds(10)));
        return history.events();
    }
}
