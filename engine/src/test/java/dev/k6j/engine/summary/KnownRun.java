package dev.k6j.engine.summary;

import dev.k6j.engine.metrics.BuiltinMetrics;
import dev.k6j.engine.metrics.MetricRegistryImpl;
import dev.k6j.engine.metrics.MetricsEngine;
import dev.k6j.engine.metrics.MetricsSnapshot;
import dev.k6j.engine.metrics.ThresholdParser;
import dev.k6j.engine.metrics.ThresholdResults;
import dev.k6j.engine.metrics.Thresholds;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small run with known samples, as a k6 script with one group, two checks and ten HTTP requests would make:
 * 10 iterations in 10 s; {@code status is 200} passes 10 times at the root; in group {@code login},
 * {@code logged in} passes 9 times and fails once; http_req_duration 100..190 ms.
 */
final class KnownRun {

    static final Duration DURATION = Duration.ofSeconds(10);

    final MetricsSnapshot snapshot;
    final ThresholdResults thresholdResults;

    KnownRun() {
        MetricRegistryImpl registry = new MetricRegistryImpl();
        BuiltinMetrics builtin = new BuiltinMetrics(registry);
        Metric reqDuration = registry.register("http_req_duration", MetricType.TREND, ValueType.TIME);
        Metric reqFailed = registry.register("http_req_failed", MetricType.RATE);
        Metric reqs = registry.register("http_reqs", MetricType.COUNTER);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("http_req_duration", List.of("p(95)<200"));
        option.put("http_req_failed", List.of("rate<0.01"));
        option.put("checks", List.of("rate>0.99"));
        Thresholds thresholds = ThresholdParser.parse(option);
        thresholds.validate(registry);

        List<Sample> samples = new ArrayList<>();
        samples.add(sample(builtin.vus, 1));
        samples.add(sample(builtin.vusMax, 1));
        for (int i = 0; i < 10; i++) {
            TagSet http = TagSet.of(Map.of("status", "200", "expected_response", "true", "group", "::login"));
            samples.add(new Sample(reqDuration, Sample.nowNanos(), 100 + 10 * i, http, TagSet.EMPTY));
            samples.add(new Sample(reqFailed, Sample.nowNanos(), 0, http, TagSet.EMPTY));
            samples.add(new Sample(reqs, Sample.nowNanos(), 1, http, TagSet.EMPTY));
            samples.add(sample(builtin.dataReceived, 1100));
            samples.add(sample(builtin.dataSent, 110));
            samples.add(sample(builtin.checks, i < 9 ? 1 : 0, "check", "logged in", "group", "::login"));
            samples.add(sample(builtin.groupDuration, 200 + i, "group", "::login"));
            samples.add(sample(builtin.checks, 1, "check", "status is 200", "group", ""));
            samples.add(sample(builtin.iterationDuration, 1000 + 5 * i));
            samples.add(sample(builtin.iterations, 1));
        }
        try (MetricsEngine engine = new MetricsEngine(registry, 16)) {
            engine.setThresholds(thresholds);
            engine.start();
            engine.push(samples);
            engine.flush();
            snapshot = engine.snapshot();
        }
        thresholdResults = thresholds.evaluateFinal(snapshot, DURATION);
    }

    Map<String, Object> data(Map<String, Object> options, List<String> trendStats) {
        return SummaryData.build(snapshot, thresholdResults, options, DURATION, true, false, trendStats);
    }

    Map<String, Object> data() {
        return data(Map.of(), null);
    }

    private static Sample sample(Metric metric, double value, String... tagPairs) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < tagPairs.length; i += 2) {
            tags.put(tagPairs[i], tagPairs[i + 1]);
        }
        return new Sample(metric, Sample.nowNanos(), value, TagSet.of(tags), TagSet.EMPTY);
    }
}
