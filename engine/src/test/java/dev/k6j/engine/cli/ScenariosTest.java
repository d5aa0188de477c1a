package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios run in parallel, each executor's iteration counts are exact, graceful stops interrupt. */
class ScenariosTest {

    @TempDir
    Path tmp;

    @Test
    void scenariosRunTogetherWithExactCountsAndAGracefulStopInterrupts() throws IOException {
        Path results = tmp.resolve("results.json");
        CliRun run = CliRun.of("run", "--out", "json=" + results, "executors.js");
        assertThat(run.exitCode()).as("thresholds check shared==20 and per-vu==2x4\n" + run.all()).isZero();
        assertThat(run.stderr()).as("the slow scenario's iteration is cut at its 0s graceful stop")
                .contains("1 interrupted iterations");

        Map<String, Integer> perVu = new TreeMap<>();
        Map<String, Integer> sharedByScenarioTag = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(results)) {
            JsonNode node = json.readTree(line);
            if (!node.get("type").asText().equals("Point")) {
                continue;
            }
            JsonNode tags = node.at("/data/tags");
            switch (node.get("metric").asText()) {
                case "per_vu_iterations" -> {
                    assertThat(tags.get("scenario").asText()).isEqualTo("each");
                    perVu.merge(tags.get("vu").asText(), 1, Integer::sum);
                }
                case "shared_iterations" -> sharedByScenarioTag.merge(
                        tags.get("scenario").asText() + "/" + tags.get("kind").asText(), 1, Integer::sum);
                default -> { }
            }
        }
        assertThat(perVu).as("each of the two VUs ran exactly 4 iterations").hasSize(2).allSatisfy((vu, n) ->
                assertThat(n).isEqualTo(4));
        assertThat(sharedByScenarioTag).containsExactly(Map.entry("shared/shared", 20));
    }

    @Test
    void sharedIterationsNeedAtLeastAsManyIterationsAsVus() {
        CliRun run = CliRun.of("run", "-q", "-u", "5", "-i", "2", "options-precedence.js");
        assertThat(run.exitCode()).isEqualTo(104);
        assertThat(run.stderr()).contains("the number of iterations (2) can't be less than the number of VUs (5)");
    }
}
