package dev.k6j.engine.metrics;

import dev.k6j.spi.Metric;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds samples for tests. */
final class Samples {

    private Samples() {
    }

    static Sample sample(Metric metric, double value, String... tagPairs) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < tagPairs.length; i += 2) {
            tags.put(tagPairs[i], tagPairs[i + 1]);
        }
        return new Sample(metric, Sample.nowNanos(), value, TagSet.of(tags), TagSet.EMPTY);
    }
}
