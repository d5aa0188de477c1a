package dev.k6j.output.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays a {@code --out json} results file through a {@link Dashboard}, by the samples' own clock: a period ends
 * when a sample's time passes it (xk6-dashboard's {@code aggregate}). Thresholds are shown as written in the file;
 * their outcome, and the end-of-test summary, are not in such a file. Stateless.
 */
final class JsonResults {

    private JsonResults() {
    }

    static void aggregate(Path file, Duration configured, List<String> tags, EventListener events) throws IOException {
        Map<String, Metric> metrics = new HashMap<>();
        Map<String, List<String>> thresholds = new LinkedHashMap<>();
        Duration span = readMetrics(file, metrics, thresholds);
        Duration period = period(configured, span);
        Dashboard dashboard = new Dashboard(events, tags);
        List<Sample> pending = new ArrayList<>();
        Instant boundary = null;
        Instant last = null;
        try (BufferedReader reader = EventsReader.reader(file)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || !line.contains("\"Point\"")) {
                    continue;
                }
                JsonNode point = EventsReader.parse(line, file, number);
                if (!"Point".equals(point.path("type").asText())) {
                    continue;
                }
                Sample sample = sample(point, metrics, file, number);
                Instant time = sample.time();
                if (boundary == null) {
                    Map<String, Object> param = new LinkedHashMap<>();
                    if (!thresholds.isEmpty()) {
                        param.put("thresholds", thresholds);
                    }
                    param.put("period", period.toMillis());
                    param.put("tags", tags);
                    param.put("scriptPath", file.getFileName().toString());
                    param.put("aggregates", Aggregates.NAMES);
                    dashboard.start(param, time);
                    boundary = time.plus(period);
                }
                while (!time.isBefore(boundary)) {
                    dashboard.flush(pending, boundary);
                    pending = new ArrayList<>();
                    boundary = boundary.plus(period);
                }
                pending.add(sample);
                if (last == null || time.isAfter(last)) {
                    last = time;
                }
            }
        }
        if (boundary == null) {
            throw new IllegalArgumentException(file + " has no samples (no \"Point\" lines of a --out json file)");
        }
        dashboard.flush(pending, last);
        dashboard.stop(null, last);
    }

    /**
     * The period of the events: the one asked for, but short enough for at least {@value #MIN_POINTS} points on a
     * short test (whole seconds), and long enough for at most {@value #MAX_POINTS} on a long one (whole periods, as
     * xk6-dashboard's live output does), so charts are readable and reports stay small.
     */
    static Duration period(Duration configured, Duration span) {
        long periodMillis = configured.toMillis();
        long spanMillis = span.toMillis();
        if (spanMillis < periodMillis * MIN_POINTS) {
            return Duration.ofSeconds(Math.max(1, Math.min(configured.toSeconds(), spanMillis / 1000 / MIN_POINTS)));
        }
        long periods = (long) Math.ceil((double) spanMillis / MAX_POINTS / periodMillis);
        return configured.multipliedBy(Math.max(1, periods));
    }

    private static final int MIN_POINTS = 30;
    private static final int MAX_POINTS = 2880;

    /** Reads the metric definitions and thresholds, and returns the time the samples span. */
    private static Duration readMetrics(Path file, Map<String, Metric> metrics, Map<String, List<String>> thresholds)
            throws IOException {
        Instant first = null;
        Instant last = null;
        try (BufferedReader reader = EventsReader.reader(file)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.contains("\"Point\"")) {
                    Instant time = timeOf(EventsReader.parse(line, file, number), file, number);
                    first = first == null || time.isBefore(first) ? time : first;
                    last = last == null || time.isAfter(last) ? time : last;
                    continue;
                }
                if (!line.contains("\"Metric\"")) {
                    continue;
                }
                JsonNode node = EventsReader.parse(line, file, number);
                if (!"Metric".equals(node.path("type").asText())) {
                    continue;
                }
                JsonNode data = node.path("data");
                String name = data.path("name").asText(node.path("metric").asText());
                metrics.put(name, new Metric(name, metricType(data.path("type").asText(), file, number),
                        valueType(data.path("contains").asText("default"))));
                List<String> sources = new ArrayList<>();
                data.path("thresholds").forEach(threshold -> sources.add(threshold.asText()));
                if (!sources.isEmpty()) {
                    thresholds.put(name, sources);
                }
            }
        }
        return first == null ? Duration.ZERO : Duration.between(first, last);
    }

    private static Instant timeOf(JsonNode point, Path file, int number) {
        String text = point.path("data").path("time").asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + " line " + number + ": '" + text + "' is not a time");
        }
    }

    private static Sample sample(JsonNode point, Map<String, Metric> metrics, Path file, int number) {
        String name = point.path("metric").asText();
        Metric metric = metrics.get(name);
        if (metric == null) {
            throw new IllegalArgumentException(file + " line " + number + ": a sample of metric '" + name
                    + "', which no \"Metric\" line defines");
        }
        JsonNode data = point.path("data");
        Instant time = timeOf(point, file, number);
        Map<String, String> tags = new HashMap<>();
        data.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        return new Sample(metric, nanos, data.path("value").asDouble(), TagSet.of(tags), TagSet.EMPTY);
    }

    private static MetricType metricType(String name, Path file, int number) {
        try {
            return MetricType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + number + ": unknown metric type '" + name + "'");
        }
    }

    private static ValueType valueType(String name) {
        try {
            return ValueType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ValueType.DEFAULT;
        }
    }
}
