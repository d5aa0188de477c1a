package dev.k6j.engine.httpclient;

import dev.k6j.engine.vu.SystemTags;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricRegistry;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import dev.k6j.spi.Vu;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * k6's HTTP metrics and the samples of one round trip, tagged as k6 tags them ({@code transport.go}): {@code url},
 * {@code name}, {@code method}, {@code status}, {@code proto}, {@code error}, {@code error_code},
 * {@code tls_version}, {@code expected_response}, {@code ip}, each when the {@code systemTags} option keeps it.
 *
 * <p>Threads: immutable; {@link #emit} from any thread (the request's).
 */
public final class HttpMetrics {

    private final Metric reqs;
    private final Metric duration;
    private final Metric blocked;
    private final Metric connecting;
    private final Metric tlsHandshaking;
    private final Metric sending;
    private final Metric waiting;
    private final Metric receiving;
    private final Metric failed;
    private final Metric dataSent;
    private final Metric dataReceived;

    public HttpMetrics(MetricRegistry registry) {
        reqs = registry.register("http_reqs", MetricType.COUNTER);
        duration = registry.register("http_req_duration", MetricType.TREND, ValueType.TIME);
        blocked = registry.register("http_req_blocked", MetricType.TREND, ValueType.TIME);
        connecting = registry.register("http_req_connecting", MetricType.TREND, ValueType.TIME);
        tlsHandshaking = registry.register("http_req_tls_handshaking", MetricType.TREND, ValueType.TIME);
        sending = registry.register("http_req_sending", MetricType.TREND, ValueType.TIME);
        waiting = registry.register("http_req_waiting", MetricType.TREND, ValueType.TIME);
        receiving = registry.register("http_req_receiving", MetricType.TREND, ValueType.TIME);
        failed = registry.register("http_req_failed", MetricType.RATE);
        dataSent = registry.register("data_sent", MetricType.COUNTER, ValueType.DATA);
        dataReceived = registry.register("data_received", MetricType.COUNTER, ValueType.DATA);
    }

    /** What one round trip of a request was, for its samples. */
    record Hop(HttpRequestSpec spec, String method, String cleanUrl, int status, String proto, HttpError error,
               String tlsVersion, String remoteIp, Timings timings) {
    }

    /**
     * The tags of a successful round trip and what they were made from. A VU's consecutive requests mostly repeat
     * them, so a client keeps the last one and reuses it instead of building the set again.
     */
    record LastTags(TagSet base, String name, String url, String method, int status, String proto, String tlsVersion,
                    String ip, boolean expected, TagSet tags) {

        boolean matches(TagSet base, String name, String url, String method, int status, String proto,
                        String tlsVersion, String ip, boolean expected) {
            return this.base == base && this.status == status && this.expected == expected
                    && Objects.equals(this.name, name) && this.url.equals(url) && this.method.equals(method)
                    && this.proto.equals(proto) && Objects.equals(this.tlsVersion, tlsVersion)
                    && Objects.equals(this.ip, ip);
        }
    }

    /** Where a client keeps its {@link LastTags}: any thread reads and replaces it. */
    static final class TagsMemo {
        private volatile LastTags last;
    }

    /**
     * Emits the samples of one round trip, and the bytes the VU moved since the last emission.
     *
     * @return the {@code error_code} k6 gives it: the error's code, 1000 + status for 4xx and 5xx, else 0
     */
    int emit(Vu vu, SystemTags system, Hop hop, long sentBytes, long receivedBytes, TagsMemo memo) {
        HttpRequestSpec spec = hop.spec();
        boolean expected = spec.callback() == null
                || spec.callback().expected(hop.error() == null ? hop.status() : 0);
        TagSet tags;
        int errorCode;
        LastTags last = memo.last;
        if (hop.error() == null && last != null && last.matches(spec.tags(), spec.name(), hop.cleanUrl(),
                hop.method(), hop.status(), hop.proto(), hop.tlsVersion(), hop.remoteIp(), expected)) {
            tags = last.tags();
            errorCode = hop.status() >= 400 ? 1000 + hop.status() : 0;
        } else {
            tags = tags(system, hop, expected);
            errorCode = hop.error() != null ? hop.error().code() : hop.status() >= 400 ? 1000 + hop.status() : 0;
            if (hop.error() == null) {
                memo.last = new LastTags(spec.tags(), spec.name(), hop.cleanUrl(), hop.method(), hop.status(),
                        hop.proto(), hop.tlsVersion(), hop.remoteIp(), expected, tags);
            }
        }
        long now = Sample.nowNanos();
        TagSet meta = spec.metadata();
        Timings t = hop.timings();
        List<Sample> samples = new ArrayList<>(11);
        samples.add(new Sample(reqs, now, 1, tags, meta));
        samples.add(new Sample(duration, now, t.duration(), tags, meta));
        samples.add(new Sample(blocked, now, t.blocked(), tags, meta));
        samples.add(new Sample(connecting, now, t.connecting(), tags, meta));
        samples.add(new Sample(tlsHandshaking, now, t.tlsHandshaking(), tags, meta));
        samples.add(new Sample(sending, now, t.sending(), tags, meta));
        samples.add(new Sample(waiting, now, t.waiting(), tags, meta));
        samples.add(new Sample(receiving, now, t.receiving(), tags, meta));
        if (spec.callback() != null) {
            samples.add(new Sample(failed, now, expected ? 0 : 1, tags, meta));
        }
        if (sentBytes > 0) {
            samples.add(new Sample(dataSent, now, sentBytes, spec.vuTags(), meta));
        }
        if (receivedBytes > 0) {
            samples.add(new Sample(dataReceived, now, receivedBytes, spec.vuTags(), meta));
        }
        vu.emit(samples);
        return errorCode;
    }

    /** The tags of a round trip, as k6 tags it. */
    private static TagSet tags(SystemTags system, Hop hop, boolean expected) {
        HttpRequestSpec spec = hop.spec();
        TagSet tags = spec.tags();
        if (system.enabled("url")) {
            tags = tags.with("url", hop.cleanUrl());
        }
        if (system.enabled("name") && !spec.tags().contains("name")) {
            tags = tags.with("name", spec.name() != null ? spec.name() : hop.cleanUrl());
        }
        if (system.enabled("method")) {
            tags = tags.with("method", hop.method());
        }
        int errorCode = 0;
        if (hop.error() != null) {
            errorCode = hop.error().code();
            if (system.enabled("error")) {
                tags = tags.with("error", hop.error().getMessage());
            }
            if (system.enabled("error_code")) {
                tags = tags.with("error_code", Integer.toString(errorCode));
            }
            if (system.enabled("status")) {
                tags = tags.with("status", "0");
            }
        } else {
            if (system.enabled("status")) {
                tags = tags.with("status", Integer.toString(hop.status()));
            }
            if (hop.status() >= 400) {
                errorCode = 1000 + hop.status();
                if (system.enabled("error_code")) {
                    tags = tags.with("error_code", Integer.toString(errorCode));
                }
            }
            if (system.enabled("proto")) {
                tags = tags.with("proto", hop.proto());
            }
            if (hop.tlsVersion() != null && system.enabled("tls_version")) {
                tags = tags.with("tls_version", hop.tlsVersion());
            }
        }
        if (hop.remoteIp() != null && system.enabled("ip")) {
            tags = tags.with("ip", hop.remoteIp());
        }
        if (spec.callback() != null && system.enabled("expected_response")) {
            tags = tags.with("expected_response", Boolean.toString(expected));
        }
        return tags;
    }
}
