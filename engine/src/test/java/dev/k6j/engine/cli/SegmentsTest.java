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
class SegmentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEQUENCE = "0,1/3,2/3,1";

    @TempDir
    Path tmp;

    /** What one instance did. */
    private record Instance(long iterations, Map<String, List<Long>> iterationsInTest, Set<String> vus) {
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
        long iterations = JSON.readTree(export.toFile()).at("/metrics/iterations/count").asLong();
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
        return new Instance(iterations, numbers, vus);
    }

    @Test
    void threeSegmentsAddUpToExactlyTheWholeTest() throws IOException {
        Instance whole = run("whole");
        List<Instance> parts = List.of(
                run("first", "--execution-segment", "0:1/3", "--execution-segment-sequence", SEQUENCE),
                run("second", "--execution-segment", "1/3:2/3", "--execution-segment-sequence", SEQUENCE),
                run("third", "--execution-segment", "2/3:1", "--execution-segment-sequence", SEQUENCE));

        assertThat(whole.iterations()).as("30 shared iterations and 20/s for 1s").isEqualTo(50);
        assertThat(parts.stream().mapToLong(Instance::iterations).sum()).isEqualTo(whole.iterations());

        for (String scenario : List.of("shared", "rate")) {
            List<Long> all = new ArrayList<>();
            parts.forEach(part -> all.addAll(part.iterationsInTest().getOrDefault(scenario, List.of())));
            long total = scenario.equals("shared") ? 30 : 20;
            List<Long> expected = LongStream.range(0, total).boxed().toList();
            assertThat(new TreeSet<>(whole.iterationsInTest().get(scenario))).containsExactlyElementsOf(expected);
            assertThat(all).as("%s: iterationInTest unique across instances and complete", scenario)
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
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
        assertThat(vus).as("the 9 VUs of the whole test, split between the instances")
                .allMatch(id -> Long.parseLong(id) >= 1 && Long.parseLong(id) <= 9);
        assertThat(whole.vus()).allMatch(id -> Long.parseLong(id) >= 1 && Long.parseLong(id) <= 9);
    }
}
