package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each executor against its definition, run as a user would. Counts are checked exactly where the definition makes
 * them exact, timings only with tolerant bounds (the machine is shared): the precise numbers are the benchmark's job.
 */
class ExecutorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void arrivalRatesStartTheirScheduleWhateverTheIterationsTakeAndDropWhatFindsNoVu() throws IOException {
        CliRun run = CliRun.of("run", "-q", "--address", "", "arrival-rate.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        String[] lines = run.stdout().strip().split("\n");
        JsonNode counts = JSON.readTree(lines[lines.length - 1]);

        // Every iteration of the schedule is started or dropped: exact. Drops need all VUs busy, which only a stall
        // of the (shared, loaded) machine causes here, so the started ones are checked loosely.
        long steady = counts.get("steady").asLong();
        assertThat(steady + counts.get("steadyDropped").asLong()).as("50/s for 2s").isEqualTo(100);
        assertThat(steady).isGreaterThanOrEqualTo(80);
        long ramp = counts.get("ramp").asLong();
        assertThat(ramp + counts.get("rampDropped").asLong()).as("0 to 40/s over 2s: the area under the ramp")
                .isBetween(39L, 40L);
        assertThat(ramp).isGreaterThanOrEqualTo(30);
        long started = counts.get("starved").asLong();
        long dropped = counts.get("starvedDropped").asLong();
        assertThat(started + dropped).as("every one of the 10 planned iterations is started or dropped")
                .isEqualTo(10);
        assertThat(dropped).as("one VU busy 350ms can't take one iteration every 100ms").isGreaterThanOrEqualTo(5);
        assertThat(counts.get("vusMax").asLong()).as("18 planned VUs, then 'grow' initializes more mid-test")
                .isGreaterThan(18);
        assertThat(run.stderr()).contains("Insufficient VUs, reached 1 active VUs and cannot initialize more");
    }

    @Test
    void rampingVusFollowTheStages() throws IOException {
        Path results = tmp.resolve("ramp.json");
        CliRun run = CliRun.of("run", "-q", "--address", "", "--out", "json=" + results, "ramping-vus.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        List<long[]> samples = new ArrayList<>();
        for (String line : Files.readAllLines(results)) {
            JsonNode node = JSON.readTree(line);
            if (node.get("type").asText().equals("Point") && node.get("metric").asText().equals("active_vus")) {
                samples.add(new long[] {node.at("/data/tags/at").asLong(), node.at("/data/value").asLong()});
            }
        }
        assertThat(samples).hasSizeGreaterThan(40);
        long most = 0;
        int checked = 0;
        for (long[] sample : samples) {
            most = Math.max(most, sample[1]);
            if (nearAChange(sample[0])) {
                continue;
            }
            long planned = plannedVus(sample[0]);
            assertThat(sample[1]).as("VUs active %dms after the start (planned: %d)", sample[0], planned)
                    .isBetween(planned - 1, planned + 1);
            checked++;
        }
        assertThat(checked).as("samples away from the moments the VU count changes").isGreaterThan(20);
        assertThat(most).isEqualTo(4);
    }

    /** Within 150ms of a moment the planned VU count changes, when a sample may see either count. */
    private static boolean nearAChange(long millis) {
        for (long change : new long[] {500, 1000, 1500, 2000, 3250, 3500, 3750, 4000}) {
            if (Math.abs(millis - change) < 150) {
                return true;
            }
        }
        return false;
    }

    /** 0 to 4 VUs over 2s (one more every 500ms), 4 for 1s, then one less every 250ms from 3.25s. */
    private static long plannedVus(long millis) {
        if (millis < 2000) {
            return millis / 500;
        }
        if (millis < 3000) {
            return 4;
        }
        return Math.max(0, 4 - (millis - 3000) / 250);
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
