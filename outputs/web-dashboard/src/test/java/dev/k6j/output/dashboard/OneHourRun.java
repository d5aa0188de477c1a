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
import java.util.Random;

/**
 * The events of a one-hour HTTP test at the default 10 s period, made by the real {@link Dashboard} from samples
 * on a simulated clock: 2 scenarios, 4 groups, the HTTP, iteration, check, data and VU metrics, a custom trend.
 * What a report of a long test holds, without waiting an hour.
 */
final class OneHourRun {

    private static final List<Metric> TRENDS = List.of("http_req_duration", "http_req_blocked",
            "http_req_connecting", "http_req_tls_handshaking", "http_req_sending", "http_req_waiting",
            "http_req_receiving", "iteration_duration", "group_duration", "basket_value").stream()
            .map(name -> new Metric(name, MetricType.TREND, name.equals("basket_value") ? ValueType.DEFAULT
                    : ValueType.TIME)).toList();
    private static final Metric REQS = new Metric("http_reqs", MetricType.COUNTER, ValueType.DEFAULT);
    private static final Metric ITERATIONS = new Metric("iterations", MetricType.COUNTER, ValueType.DEFAULT);
    private static final Metric FAILED = new Metric("http_req_failed", MetricType.RATE, ValueType.DEFAULT);
    private static final Metric CHECKS = new Metric("checks", MetricType.RATE, ValueType.DEFAULT);
    private static final Metric SENT = new Metric("data_sent", MetricType.COUNTER, ValueType.DATA);
    private static final Metric RECEIVED = new Metric("data_received", MetricType.COUNTER, ValueType.DATA);
    private static final Metric VUS = new Metric("vus", MetricType.GAUGE, ValueType.DEFAULT);
    private static final Metric VUS_MAX = new Metric("vus_max", MetricType.GAUGE, ValueType.DEFAULT);

    private OneHourRun() {
    }

    /** The compact history a report of the run holds. */
    static List<DashboardEvent> events() {
        EventHistory history = new EventHistory();
        Dashboard dashboard = new Dashboard(history, List.of("scenario", "group"));
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        dashboard.start(Map.of("period", 10_000, "aggregates", Aggregates.NAMES, "scenarios", List.of("browse", "buy"),
                "thresholds", Map.of("http_req_duration", List.of("p(95)<500"))), start);
        Random random = new Random(42);
        String[] scenarios = {"browse", "buy"};
        String[] groups = {"::home", "::search", "::product", "::checkout"};
        for (int period = 1; period <= 360; period++) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                TagSet tags = TagSet.of("scenario", scenarios[i % 2]).with("group", groups[i % 4]);
                for (Metric trend : TRENDS) {
                    samples.add(new Sample(trend, 0, 5 + random.nextDouble() * 200, tags, TagSet.EMPTY));
                }
                for (Metric counter : List.of(REQS, ITERATIONS)) {
                    samples.add(new Sample(counter, 0, 1, tags, TagSet.EMPTY));
                }
                samples.add(new Sample(SENT, 0, 120, tags, TagSet.EMPTY));
                samples.add(new Sample(RECEIVED, 0, 4000, tags, TagSet.EMPTY));
                samples.add(new Sample(FAILED, 0, random.nextInt(100) == 0 ? 1 : 0, tags, TagSet.EMPTY));
                samples.add(new Sample(CHECKS, 0, random.nextInt(50) == 0 ? 0 : 1, tags, TagSet.EMPTY));
            }
            samples.add(new Sample(VUS, 0, 50, TagSet.EMPTY, TagSet.EMPTY));
            samples.add(new Sample(VUS_MAX, 0, 50, TagSet.EMPTY, TagSet.EMPTY));
            dashboard.flush(samples, start.plus(Duration.ofSeconds(10L * period)));
        }
        dashboard.stop(null, start.plus(Duration.ofHours(1)));
        return history.events();
    }
}
