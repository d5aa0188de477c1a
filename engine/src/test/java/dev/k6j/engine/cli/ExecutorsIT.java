package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The executors run as a user runs them, from a script through the CLI: totals, warnings, the banner and
 * {@code k6/execution}. Their schedules, moment by moment, are checked exactly in {@code ExecutorsOnAClockTest}.
 */
class ExecutorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void arrivalRatesStartTheirScheduleWhateverTheIterationsTakeAndDropWhatFindsNoVu() throws IOException {
        CliRun run = CliRun.of("run", "-q", "--address", "", "arrival-rate.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        String[] lines = run.stdout().strip().split("\n");
        JsonNode counts = JSON.readTree(lines[lines.length - 1]);

        // Every iteration of the schedule is started or dropped: exact whatever the machine's speed. Which ones start
        // and which drop, moment by moment, is ExecutorsOnAClockTest's (on a clock the test moves).
        long steady = counts.get("steady").asLong();
        assertThat(steady + counts.get("steadyDropped").asLong()).as("50/s for 2s").isEqualTo(100);
        long ramp = counts.get("ramp").asLong();
        assertThat(ramp + counts.get("rampDropped").asLong()).as("0 to 40/s over 2s: the area under the ramp")
                .isBetween(39L, 40L);
        long started = counts.get("starved").asLong();
        long dropped = counts.get("starvedDropped").asLong();
        assertThat(started + dropped).as("every one of the 10 planned iterations is started or dropped")
                .isEqualTo(10);
        assertThat(counts.get("vusMax").asLong()).as("18 planned VUs, then 'grow' initializes more mid-test")
                .isGreaterThan(18);
        assertThat(run.stderr()).contains("Insufficient VUs, reached 1 active VUs and cannot initialize more");
    }

    @Test
    void iterationsSeeTheirScenarioThroughK6Execution() {
        CliRun run = CliRun.of("run", "--address", "", "-e", "BASE=yes", "execution-fields.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.stdout()).contains("* first: 3 iterations for each of 2 VUs (maxDuration: 10m0s, "
                + "gracefulStop: 30s)");
        assertThat(run.stdout()).contains("* second: 4 iterations shared among 2 VUs (maxDuration: 10m0s, "
                + "exec: second, startTime: 500ms, gracefulStop: 30s)");
        assertThat(run.stdout()).contains("scenarios: (100.00%) 2 scenarios, 4 max VUs, 10m30.5s max duration");
    }
}
