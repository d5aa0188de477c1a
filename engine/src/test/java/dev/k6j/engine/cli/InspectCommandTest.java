package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code k6j inspect}: consolidated options, with k6's precedence of flags over script over config file. */
class InspectCommandTest {

    @TempDir
    Path tmp;

    private static JsonNode inspect(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.all()).isZero();
        return new ObjectMapper().readTree(run.stdout());
    }

    @Test
    void scriptOptionsAreShownWithTheDerivedScenario() throws IOException {
        JsonNode options = inspect("inspect", "options-precedence.js");
        assertThat(options.get("vus").asInt()).isEqualTo(2);
        assertThat(options.at("/scenarios/default/executor").asText()).isEqualTo("shared-iterations");
        assertThat(options.at("/scenarios/default/iterations").asInt()).isEqualTo(4);
    }

    @Test
    void flagsOverrideScriptWhichOverridesConfigFile() throws IOException {
        Path config = tmp.resolve("config.json");
        Files.writeString(config, "{\"vus\": 9, \"iterations\": 99, \"summaryTimeUnit\": \"ms\", \"noSetup\": true}");
        JsonNode options = inspect("inspect", "-c", config.toString(), "-u", "3", "options-precedence.js");
        assertThat(options.get("vus").asInt()).as("flag beats script").isEqualTo(3);
        assertThat(options.get("iterations").asInt()).as("script beats config").isEqualTo(4);
        assertThat(options.get("summaryTimeUnit").asText()).as("config fills the rest").isEqualTo("ms");
        assertThat(options.get("noSetup").asBoolean()).isTrue();
    }

    @Test
    void durationFlagReplacesTheScriptsWorkloadShortcuts() throws IOException {
        JsonNode options = inspect("inspect", "-d", "5s", "options-precedence.js");
        assertThat(options.has("iterations")).as("script iterations dropped").isFalse();
        assertThat(options.at("/scenarios/default/executor").asText()).isEqualTo("constant-vus");
        assertThat(options.at("/scenarios/default/vus").asInt()).isEqualTo(2);
    }

    @Test
    void stagesFlagMakesARampingScenario() throws IOException {
        JsonNode options = inspect("inspect", "-s", "10s:5", "-s", "5s:0", "options-precedence.js");
        assertThat(options.at("/scenarios/default/executor").asText()).isEqualTo("ramping-vus");
        assertThat(options.at("/scenarios/default/stages/0/target").asInt()).isEqualTo(5);
    }
}
