package dev.k6j.modules.grpc;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricRegistry;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import dev.k6j.spi.Vu;
import java.util.Map;

/**
 * k6's gRPC metrics: {@code grpc_req_duration} (every finished call, tagged with its {@code status}),
 * {@code grpc_streams}, {@code grpc_streams_msgs_sent}, {@code grpc_streams_msgs_received}. Samples carry the VU's
 * tags, the call's script tags, and {@code url} (address + method), {@code service}, {@code method} and
 * {@code name} (the method, unless the script set a name). Immutable; emitting is thread-safe.
 *
 * @param requestDuration  {@code grpc_req_duration}, a time trend
 * @param streams          {@code grpc_streams}, a counter of streams opened
 * @param messagesSent     {@code grpc_streams_msgs_sent}, a counter
 * @param messagesReceived {@code grpc_streams_msgs_received}, a counter
 */
record GrpcMetrics(Metric requestDuration, Metric streams, Metric messagesSent, Metric messagesReceived) {

    static GrpcMetrics register(MetricRegistry registry) {
        return new GrpcMetrics(
                registry.register("grpc_req_duration", MetricType.TREND, ValueType.TIME),
                registry.register("grpc_streams", MetricType.COUNTER),
                registry.register("grpc_streams_msgs_sent", MetricType.COUNTER),
                registry.register("grpc_streams_msgs_received", MetricType.COUNTER));
    }

    /** The tags of one call's samples. VU thread only (it reads the VU's current tags). */
    static TagSet tags(Vu vu, String address, String url, Map<String, String> scriptTags) {
        TagSet tags = vu.state().tags().withAll(TagSet.of(scriptTags));
        String[] parts = url.substring(1).split("/", 2);
        tags = tags.with("url", address + url).with("service", parts[0]).with("method", parts[1]);
        return tags.contains("name") ? tags : tags.with("name", url);
    }

    /** Emits the duration of a finished call. Any thread. */
    void requestDone(Vu vu, TagSet tags, int status, long startNanos) {
        double millis = (System.nanoTime() - startNanos) / 1e6;
        vu.emit(requestDuration.sample(millis, tags.with("status", Integer.toString(status))));
    }

    /** Counts one on {@code metric}. Any thread. */
    void count(Vu vu, Metric metric, TagSet tags) {
        vu.emit(metric.sample(1, tags));
    }
}
