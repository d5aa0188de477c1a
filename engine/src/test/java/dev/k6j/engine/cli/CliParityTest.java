package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rest of k6's CLI: its words for mistakes, log formats and outputs, new, completion, and refused flags. */
class CliParityTest {

    @TempDir
    Path tmp;

    @Test
    void anUnknownCommandIsOneLineInK6sWordsAndExit255() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.stderr().strip()).doesNotContain("\n").contains("unknown command \\\"frobnicate\\\" for \\\"k6j\\\"")
                .doesNotContain("Unmatched argument");
    }

    @Test
    void anUnknownFlagIsOneLineInK6sWordsAndExit255() {
        CliRun run = CliRun.of("run", "--frobnicate", "hello.js");
        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.stderr().strip()).doesNotContain("\n").contains("unknown flag: --frobnicate");
        assertThat(CliRun.of("run", "-Z", "hello.js").stderr()).contains("unknown shorthand flag: 'Z' in -Z");
    }

    @Test
    void aMissingScriptIsK6sMessage() {
        CliRun run = CliRun.of("run");
        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.stderr()).contains("accepts 1 arg(s), received 0");
    }

    @Test
    void flagsMayFollowTheScriptPath() {
        CliRun run = CliRun.of("run", "-a", "", "hello.js", "--vus", "2", "--iterations", "4", "-q");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).containsPattern("iterations\\.+: 4 ");
    }

    @Test
    void statusWithNoTestRunningSaysSoAndIsNotAnEngineFailure() {
        CliRun run = CliRun.of("status", "--address", "127.0.0.1:1");
        assertThat(run.exitCode()).isNotEqualTo(109).isNotZero();
        assertThat(run.stderr()).contains("no k6j test is running with its REST API on 127.0.0.1:1");
    }

    @Test
    void logsAreK6sLogfmtWithLevelWhenNotOnATerminal() {
        CliRun run = CliRun.of("run", "-q", "-a", "", "--no-summary", "console-log.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).containsPattern("time=\"[^\"]+\" level=info msg=\"?[^\\n]*\"? source=console");
    }

    @Test
    void jsonAndRawLogFormats() throws Exception {
        CliRun json = CliRun.of("run", "-q", "-a", "", "--no-summary", "--log-format", "json", "console-log.js");
        assertThat(json.exitCode()).as(json.all()).isZero();
        String line = json.stderr().lines().filter(l -> l.contains("source")).findFirst().orElseThrow();
        var entry = new ObjectMapper().readTree(line);
        assertThat(entry.get("level").asText()).isEqualTo("info");
        assertThat(entry.get("source").asText()).isEqualTo("console");
        assertThat(entry.has("time")).isTrue();
        CliRun raw = CliRun.of("run", "-q", "-a", "", "--no-summary", "--log-format=raw", "console-log.js");
        assertThat(raw.stderr().lines().filter(l -> !l.isBlank())).allMatch(l -> !l.contains("level="));
    }

    @Test
    void logOutputFileAndConsoleOutputFile() throws Exception {
        Path log = tmp.resolve("k6j.log");
        Path console = tmp.resolve("console.log");
        CliRun run = CliRun.of("run", "-q", "-a", "", "--no-summary", "--log-output=file=" + log,
                "--console-output", console.toString(), "console-log.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(Files.readString(console)).contains("level=info");
        CliRun toFile = CliRun.of("run", "-q", "-a", "", "--no-summary", "--log-output=file=" + log, "console-log.js");
        assertThat(toFile.stderr()).doesNotContain("source=console");
        assertThat(Files.readString(log)).contains("source=console");
        assertThat(CliRun.of("run", "--log-output=bogus", "hello.js").exitCode()).isEqualTo(255);
        assertThat(CliRun.of("run", "--log-output=loki", "hello.js").stderr()).contains("not supported by k6j");
    }

    @Test
    void flagsK6jDoesNotHaveAreRefusedWithOneLineSayingWhatInstead() {
        for (String flag : new String[] {"--rps=10", "--local-ips=10.0.0.1", "--profiling-enabled",
                "--traces-output=otel"}) {
            CliRun run = CliRun.of("run", "-a", "", flag, "hello.js");
            assertThat(run.exitCode()).as(flag).isEqualTo(104);
            assertThat(run.stderr().strip()).as(flag).doesNotContain("\n").contains("not supported by k6j");
        }
        assertThat(CliRun.of("run", "-q", "-a", "", "--no-usage-report", "--traces-output=none", "hello.js")
                .exitCode()).isZero();
    }

    @Test
    void summaryModeDisabledPrintsNoSummaryAndABadModeIsAConfigurationError() {
        CliRun disabled = CliRun.of("run", "-q", "-a", "", "--summary-mode=disabled", "hello.js");
        assertThat(disabled.exitCode()).as(disabled.all()).isZero();
        assertThat(disabled.stdout()).doesNotContain("iterations");
        assertThat(CliRun.of("run", "-a", "", "--summary-mode=short", "hello.js").exitCode()).isEqualTo(255);
    }

    @Test
    void newWritesK6sTemplatesAndRefusesToOverwrite() throws Exception {
        Path script = tmp.resolve("load.js");
        CliRun made = CliRun.of("new", script.toString(), "--template", "protocol", "--project-id", "42");
        assertThat(made.exitCode()).as(made.all()).isZero();
        assertThat(made.stdout()).contains("New script created: " + script + " (protocol template).");
        assertThat(Files.readString(script)).contains("stages").contains("projectID: 42").contains("name: \"" + script);
        CliRun again = CliRun.of("new", script.toString());
        assertThat(again.exitCode()).isEqualTo(255);
        assertThat(again.stderr()).contains("already exists. Use the `--force` flag to overwrite it");
        assertThat(CliRun.of("new", "-f", script.toString()).exitCode()).isZero();
        assertThat(Files.readString(script)).contains("vus: 10").doesNotContain("cloud");
        CliRun inspect = CliRun.of("inspect", script.toString());
        assertThat(inspect.exitCode()).as("the template is a valid script: " + inspect.all()).isZero();
        assertThat(CliRun.of("new", tmp.resolve("x.js").toString(), "--template", "fancy").stderr())
                .contains("invalid template type \\\"fancy\\\"");
    }

    @Test
    void completionScriptsForBashZshAndFish() {
        CliRun bash = CliRun.of("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.stdout()).contains("complete -F").contains("archive").contains("--vus");
        assertThat(CliRun.of("completion", "zsh").stdout()).contains("bashcompinit").contains("inspect");
        String fish = CliRun.of("completion", "fish").stdout();
        assertThat(fish).contains("complete -c k6j -n '__fish_use_subcommand' -a run")
                .contains("__fish_seen_subcommand_from run' -s u -l vus -r");
        assertThat(CliRun.of("completion", "powershell").exitCode()).isEqualTo(104);
    }
}
