package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test split into three execution segments, run as three instances one after the other, adds up to exactly the
 * same test run as one instance: the same iterations, each numbered once in the whole test, and VUs whose ids don't
 * overlap.
 */
class SegmentsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEQUENCE = "0,1/3,2/3,1";

    @TempDir
    Path tmp;

    /** What one instance did. */
    private record Instance(long iterations, long dropped, Map<String, List<Long>> iterationsInTest, Set<String> vus) {
    }

    private Instance run(String name, String... segmentArgs) throws IOException {
        Path export = tmp.resolve(name + "-summary.json");
        Path results = tmp.resolve(name + ".json");
        List<String> args = new ArrayList<>(List.of("run", "-q", "--address", "", "--summary-export",
                export.toString(), "--out", "json=" + results));
        args.addAll(List.of(segmentArgs));
        args.add("segments.js");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode summary = JSON.readTree(export.toFile());
        long iterations = summary.at("/metrics/iterations/count").asLong();
        long dropped = summary.at("/metrics/dropped_iterations/count").asLong(0);
        Map<String, List<Long>> numbers = new TreeMap<>();
        Set<String> vus = new TreeSet<>();
        for (String line : Files.readAllLines(results)) {
            JsonNode node = JSON.readTree(line);
            if (node.get("type").asText().equals("Point") && node.get("metric").asText().equals("done")) {
                JsonNode tags = node.at("/data/tags");
                numbers.computeIfAbsent(tags.get("scenario").asText(), k -> new ArrayList<>())
                        .add(tags.get("it").asLong());
                vus.add(tags.get("vu").asText());
            }
        }
        return new Instance(iterations, dropped, numbers, vus);
    }

    @Test
    void threeSegmentsAddUpToExactlyTheWholeTest() throws IOException {
        Instance whole = run("whole");
        List<Instance> parts = List.of(
                run("first", "--execution-segment", "0:1/3", "--execution-segment-sequence", SEQUENCE),
                run("second", "--execution-segment", "1/3:2/3", "--execution-segment-sequence", SEQUENCE),
                run("third", "--execution-segment", "2/3:1", "--execution-segment-sequence", SEQUENCE));

        // Each instance starts or drops every iteration of its share; an iteration is dropped only when all the
        // instance's VUs are busy, which takes a stall of the (shared) machine, so the exact comparisons below hold
        // for started iterations whenever nothing was dropped.
        boolean noDrops = whole.dropped() + parts.stream().mapToLong(Instance::dropped).sum() == 0;
        assertThat(whole.iterations() + whole.dropped()).as("30 shared iterations and 20/s for 1s").isEqualTo(50);
        assertThat(parts.stream().mapToLong(p -> p.iterations() + p.dropped()).sum())
                .as("the three instances together").isEqualTo(50);
        if (noDrops) {
            assertThat(parts.stream().mapToLong(Instance::iterations).sum()).isEqualTo(whole.iterations());
        } else {
            System.err.println("SegmentsIT: iterations were dropped (a stalled machine); started iterations are "
                    + "checked for uniqueness only");
        }

        for (String scenario : List.of("shared", "rate")) {
            List<Long> all = new ArrayList<>();
            parts.forEach(part -> all.addAll(part.iterationsInTest().getOrDefault(scenario, List.of())));
            long total = scenario.equals("shared") ? 30 : 20;
            List<Long> expected = LongStream.range(0, total).boxed().toList();
            assertThat(all).as("%s: iterationInTest unique across instances", scenario).doesNotHaveDuplicates()
                    .allMatch(n -> n >= 0 && n < total);
            if (noDrops) {
                assertThat(new TreeSet<>(whole.iterationsInTest().get(scenario))).containsExactlyElementsOf(expected);
                assertThat(all).as("%s: every iteration of the test ran in exactly one instance", scenario)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
            for (Instance part : parts) {
                assertThat(part.iterationsInTest().get(scenario)).as("every instance has a share of %s", scenario)
                        .isNotEmpty();
            }
        }
        Set<String> vus = new HashSet<>();
        for (Instance part : parts) {
            for (String vu : part.vus()) {
                assertThat(vus.add(vu)).as("VU idInTest %s used by two instances", vu).isTrue();
            }
        }
        assertThat(vus).as("the 15 VUs of the whole test, split between the instances")
                .allMatch(id -> Long.parseLong(id) >= 1 && Long.parseLong(id) <= 15);
        assertThat(whole.vus()).allMatch(id -> Long.parseLong(id) >= 1 && Long.parseLong(id) <= 15);
    }
}
