package dev.k6j.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one instance ran, read from its {@code --out json} file (k6's JSON lines: one {@code Point} per sample): per
 * scenario the iterations and dropped iterations, the numbers in the whole test of the iterations it ran and of
 * its VUs (the rehearsal script's {@code rehearsal_iterations} samples carry them as tags), and the values the
 * {@code --tag} flags gave.
 *
 * @param iterations        {@code iterations} samples per scenario
 * @param dropped           {@code dropped_iterations} per scenario
 * @param iterationsInTest  per scenario, {@code exec.scenario.iterationInTest} of every iteration, in order
 * @param vusInTest         {@code exec.vu.idInTest} of every VU that ran an iteration
 * @param tagValues         per tag name, the values seen on {@code iterations} samples
 */
record JsonResults(Map<String, Long> iterations, Map<String, Long> dropped, Map<String, List<Long>> iterationsInTest,
                   Set<Long> vusInTest, Map<String, Set<String>> tagValues) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonResults read(Path file) throws IOException {
        Map<String, Long> iterations = new TreeMap<>();
        Map<String, Long> dropped = new TreeMap<>();
        Map<String, List<Long>> inTest = new TreeMap<>();
        Set<Long> vus = new TreeSet<>();
        Map<String, Set<String>> tagValues = new TreeMap<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode point = JSON.readTree(line);
                if (!"Point".equals(point.path("type").asText())) {
                    continue;
                }
                JsonNode tags = point.path("data").path("tags");
                String scenario = tags.path("scenario").asText("");
                long value = Math.round(point.path("data").path("value").asDouble());
                switch (point.path("metric").asText()) {
                    case "iterations" -> {
                        iterations.merge(scenario, value, Long::sum);
                        tags.properties().forEach(tag ->
                                tagValues.computeIfAbsent(tag.getKey(), k -> new TreeSet<>()).add(tag.getValue().asText()));
                    }
                    case "dropped_iterations" -> dropped.merge(scenario, value, Long::sum);
                    case "rehearsal_iterations" -> {
                        inTest.computeIfAbsent(scenario, k -> new ArrayList<>())
                                .add(Long.parseLong(tags.path("iteration_in_test").asText()));
                        vus.add(Long.parseLong(tags.path("vu_in_test").asText()));
                    }
                    default -> {
                    }
                }
            }
        }
        inTest.values().forEach(list -> list.sort(null));
        return new JsonResults(iterations, dropped, inTest, vus, tagValues);
    }

    /** Iterations and dropped iterations of {@code scenario}: what its schedule called for, for arrival rates. */
    long scheduled(String scenario) {
        return iterations.getOrDefault(scenario, 0L) + dropped.getOrDefault(scenario, 0L);
    }
}
