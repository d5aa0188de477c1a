package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: {@code k6j run} on script files, checking exit codes, output and result files. */
class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void setupDataReachesIterationsAndTeardownAndAsyncTimersComplete() {
        CliRun run = CliRun.of("run", "-q", "lifecycle.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        // k6's logfmt (stderr is not a terminal here) escapes the quotes of the message
        assertThat(run.stderr()).contains("msg=\"teardown got {\\\"token\\\":\\\"abc\\\",\\\"list\\\":[1,2,3]}\" source=console");
        assertThat(run.stdout()).contains("✓ token came through setTimeout").contains("✓ interval ticked three times");
    }

    @Test
    void everyThresholdFormPassesWhenMet() {
        CliRun run = CliRun.of("run", "-q", "thresholds-pass.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("✓ waiting_time").contains("✓ ok_rate").contains("✓ last_value")
                .contains("✓ things").contains("✓ checks");
    }

    @Test
    void failedThresholdExitsWith99AndIsMarkedInTheSummary() {
        CliRun run = CliRun.of("run", "-q", "thresholds-fail.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(99);
        assertThat(run.stdout()).contains("✗ waiting_time");
        assertThat(run.stderr()).contains("thresholds on metrics 'waiting_time' have been crossed");
    }

    @Test
    void noThresholdsFlagIgnoresThem() {
        assertThat(CliRun.of("run", "-q", "--no-thresholds", "thresholds-fail.js").exitCode()).isZero();
    }

    @Test
    void abortOnFailStopsTheTestEarlyWith99() {
        long start = System.nanoTime();
        CliRun run = CliRun.of("run", "-q", "abort-on-fail.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(99);
        assertThat(run.stderr()).contains("abortOnFail");
        assertThat((System.nanoTime() - start) / 1e9).as("stopped well before the 30s duration").isLessThan(20);
    }

    @Test
    void testAbortExitsWith108() {
        CliRun run = CliRun.of("run", "-q", "test-abort.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(108);
        assertThat(run.stderr()).contains("test aborted: enough");
    }

    @Test
    void testFailExitsWith110AfterRunningEverything() {
        CliRun run = CliRun.of("run", "-q", "test-fail.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(110);
        assertThat(run.stdout()).containsPattern("iterations\\.+: 3 ");
    }

    @Test
    void syntaxErrorExitsWith107NamingFileLineAndColumn() {
        CliRun run = CliRun.of("run", "-q", "syntax-error.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr()).contains("SyntaxError").containsPattern("syntax-error\\.js:4:\\d+");
        assertThat(run.stderr()).doesNotContain("\tat org.graalvm");
    }

    @Test
    void exceptionInInitCodeExitsWith107() {
        CliRun run = CliRun.of("run", "-q", "init-error.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr()).contains("SyntaxError").contains("init-error.js:1");
    }

    @Test
    void openOutsideInitIsAnErrorOfTheIteration() {
        CliRun run = CliRun.of("run", "-q", "open-outside-init.js");
        assertThat(run.stderr()).as(run.all()).contains("the \\\"open\\\" function is only available in the init stage");
    }

    @Test
    void sharedArrayIsSharedReadOnlyAndBehavesLikeAnArray() {
        CliRun run = CliRun.of("run", "-q", "shared-array.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("checks").contains("100.00%").doesNotContainPattern("(?m)^\\s+✗ ");
    }

    @Test
    void builtInModulesImportsAndRequireWork() {
        CliRun run = CliRun.of("run", "-q", "-e", "MY_VAR=from-cli", "modules.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).doesNotContainPattern("(?m)^\\s+✗ ").contains("█ outer").contains("█ inner").contains("✓ nested");
        assertThat(run.stderr()).contains("second iteration fails on purpose");
    }

    @Test
    void anUnhandledPromiseRejectionFailsTheIterationWithItsMessage() {
        CliRun run = CliRun.of("run", "-q", "unhandled-rejection.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("nobody handles me");
    }

    @Test
    void k6OptionsComeFromTheProcessEnvironmentNotFromDashE() throws IOException {
        JsonNode options = JSON.readTree(CliRun.of("inspect", "-e", "K6_ITERATIONS=40", "options-precedence.js").stdout());
        assertThat(options.get("iterations").asInt()).as("-e only fills __ENV, as in k6").isEqualTo(4);
    }

    @Test
    void unknownExtensionModuleSaysHowToAddIt() {
        CliRun run = CliRun.of("run", "-q", "unknown-extension.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr()).contains("k6/x/redis").contains("bundler build --with <group:artifact[:version]>")
                .contains("plugins folder").contains("Modules present: k6, ");
    }

    @Test
    void k6WebsocketsWithoutItsExtensionNamesTheBundlerCommand() {
        CliRun run = CliRun.of("run", "-q", "websockets-missing.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr()).contains("k6/websockets").contains("bundler build --with websockets");
    }

    @Test
    void missingScriptFileIsOneClearLine() {
        CliRun run = CliRun.of("run", "no-such-script.js");
        assertThat(run.exitCode()).isEqualTo(107);
        assertThat(run.stderr().strip()).contains("level=error msg=\"script file").contains("not found")
                .doesNotContain("\n");
    }

    @Test
    void badFlagValueIsInvalidConfig() {
        CliRun run = CliRun.of("run", "-d", "ten seconds", "lifecycle.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("invalid duration 'ten seconds'");
    }

    @Test
    void aCommandLineThatDoesNotParseExitsWith255AsK6() {
        CliRun unknownFlag = CliRun.of("run", "--no-such-flag", "lifecycle.js");
        assertThat(unknownFlag.exitCode()).as(unknownFlag.all()).isEqualTo(255);
        assertThat(unknownFlag.stderr()).contains("--no-such-flag").doesNotContain("\tat ");
        assertThat(CliRun.of("run", "-u", "many", "lifecycle.js").exitCode()).isEqualTo(255);
        assertThat(CliRun.of("no-such-command").exitCode()).isEqualTo(255);
        assertThat(CliRun.of("run").exitCode()).as("no script").isEqualTo(255);
    }

    @Test
    void malformedThresholdIsInvalidConfig() throws IOException {
        Path script = tmp.resolve("bad-threshold.js");
        Files.writeString(script, "export const options = { thresholds: { checks: ['rate is high'] } };\n"
                + "export default function () {}\n");
        CliRun run = CliRun.of("run", "-q", script.toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("rate is high");
    }

    @Test
    void jsonOutputLinesParseAndCountsMatchTheSummary() throws IOException {
        Path results = tmp.resolve("results.json");
        Path export = tmp.resolve("summary.json");
        CliRun run = CliRun.of("run", "-q", "--out", "json=" + results, "--summary-export", export.toString(),
                "thresholds-pass.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        List<String> lines = Files.readAllLines(results);
        long iterationPoints = 0;
        long checkPoints = 0;
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            if (node.get("type").asText().equals("Point")) {
                String metric = node.get("metric").asText();
                iterationPoints += metric.equals("iterations") ? 1 : 0;
                checkPoints += metric.equals("checks") ? 1 : 0;
            }
        }
        JsonNode summary = JSON.readTree(export.toFile());
        assertThat(iterationPoints).isEqualTo(summary.at("/metrics/iterations/count").asLong()).isEqualTo(10);
        assertThat(checkPoints).isEqualTo(summary.at("/metrics/checks/passes").asLong()
                + summary.at("/metrics/checks/fails").asLong());
    }

    @Test
    void handleSummaryReplacesTheDefaultSummaryAndWritesFiles() throws IOException {
        Path script = tmp.resolve("summary.js");
        Path file = tmp.resolve("out/summary.txt");
        Files.writeString(script, "export const options = { iterations: 2 };\n"
                + "export default function () {}\n"
                + "export function handleSummary(data) {\n"
                + "  return { stdout: 'custom ' + data.metrics.iterations.values.count + '\\n',\n"
                + "           '" + file.toString().replace("\\", "/") + "': JSON.stringify(Object.keys(data)) };\n"
                + "}\n");
        CliRun run = CliRun.of("run", "-q", script.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("custom 2").doesNotContain("iterations....");
        assertThat(Files.readString(file)).contains("root_group").contains("metrics").contains("state");
    }

    @Test
    void noSummarySkipsHandleSummaryAndTheExportAsK6Does() throws IOException {
        Path script = tmp.resolve("summary-off.js");
        Path file = tmp.resolve("handled.txt");
        Path export = tmp.resolve("export.json");
        Files.writeString(script, "export const options = { iterations: 1 };\n"
                + "export default function () {}\n"
                + "export function handleSummary(data) {\n"
                + "  return { stdout: 'custom summary\\n', '" + file.toString().replace("\\", "/") + "': 'x' };\n"
                + "}\n");
        CliRun run = CliRun.of("run", "-q", "--no-summary", "--summary-export", export.toString(), script.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).doesNotContain("custom summary").doesNotContain("iterations");
        assertThat(file).doesNotExist();
        assertThat(export).doesNotExist();
    }

    @Test
    void scriptFromStandardInput() {
        java.io.InputStream original = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(
                    "export default function () { console.log('from stdin ' + __VU); }".getBytes()));
            CliRun run = CliRun.of("run", "-q", "-");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.stderr()).contains("from stdin 1");
        } finally {
            System.setIn(original);
        }
    }
}
