package dev.k6j.output.dashboard;

import dev.k6j.sinks.Sink;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One set of aggregates: a sink per metric, plus one per sub-metric of each precomputed tag value
 * ({@code http_req_duration{scenario:browse}}, {@code checks{group:::login}}), named as k6 names sub-metrics. The
 * dashboard keeps one meter for the whole run and a fresh one per period. Touched by one thread at a time.
 */
final class Meter {

    private final List<String> tags;
    private final Map<String, Sink> sinks = new HashMap<>();
    private final Map<String, MetricType> types = new HashMap<>();

    Meter(List<String> tags) {
        this.tags = tags;
    }

    /**
     * Adds a sample to its metric and to the sub-metrics of its precomputed tags (tags with an empty value, such as
     * the root group's, get none). {@code seen} hears each metric or sub-metric name and its sample, the first time
     * and every time.
     */
    void add(Sample sample, BiConsumer<String, Sample> seen) {
        String name = sample.metric().name();
        addTo(name, sample, seen);
        for (String tag : tags) {
            String value = sample.tags().get(tag);
            if (value != null && !value.isEmpty()) {
                addTo(name + "{" + tag + ":" + value + "}", sample, seen);
            }
        }
    }

    private void addTo(String name, Sample sample, BiConsumer<String, Sample> seen) {
        Sink sink = sinks.get(name);
        if (sink == null) {
            sink = Sink.of(sample.metric().type());
            sinks.put(name, sink);
            types.put(name, sample.metric().type());
        }
        sink.add(sample.value());
        seen.accept(name, sample);
    }

    /** The aggregates of each name, in the order given; a name with no sample here gets an empty list. */
    List<List<Number>> values(List<String> names, Duration elapsed) {
        List<List<Number>> out = new ArrayList<>(names.size());
        for (String name : names) {
            Sink sink = sinks.get(name);
            out.add(sink == null ? List.of() : Aggregates.of(types.get(name), sink.values(), elapsed));
        }
        return out;
    }
}
