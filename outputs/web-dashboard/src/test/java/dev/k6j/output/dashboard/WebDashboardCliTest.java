package dev.k6j.output.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.Testbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output and its command as a user meets them on the command line. */
class WebDashboardCliTest {

    @TempDir
    Path dir;

    @Test
    void withoutAServerTheBannerShowsNoAddressAndTheReportAndRecordingAreWritten() throws Exception {
        Path report = dir.resolve("out/report.html.gz");
        Path recording = dir.resolve("out/events.ndjson");
        try (Testbed testbed = Testbed.start()) {
            CliRun run = CliRun.of("run", "--out", "web-dashboard=port=-1&period=1s&export=" + report + "&record="
                    + recording, "-e", "BASE=" + testbed.httpUrl(), "short.js");

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.stdout()).contains(" web dashboard:\n        output: -\n");
        }
        String html;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(report))) {
            html = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(html).startsWith("<!DOCTYPE html>").contains(Report.DATA_ELEMENT + "H4sI");
        List<String> lines = Files.readAllLines(recording);
        assertThat(lines.getFirst()).startsWith("{\"event\":\"param\",\"data\":{\"thresholds\":{\"checks\":[\"rate==1\"]}");
        assertThat(lines).anyMatch(line -> line.startsWith("{\"event\":\"summary\",\"data\":{"));
        assertThat(lines.getLast()).startsWith("{\"event\":\"stop\",\"data\":[[");
    }

    @Test
    void theReportCommandReadsARecordingAndSaysWhatIsWrongInOneLine() throws IOException {
        Path recording = dir.resolve("events.ndjson");
        Files.writeString(recording, """
                {"event":"config","data":{"title":"xk6-dashboard's layout, skipped"}}
                {"event":"param","data":{"period":1000,"aggregates":{"counter":["count","rate"]}}}
                {"event":"metric","data":{"time":{"type":"gauge","contains":"time"}}}
                {"event":"start","data":[[1700000000000]]}
                {"event":"stop","data":[[1700000001000]]}
                """);
        Path report = dir.resolve("report.html");

        CliRun made = CliRun.of("web-dashboard", "report", recording.toString(), report.toString());
        CliRun missing = CliRun.of("web-dashboard", "report", dir.resolve("nope.ndjson").toString(), "x.html");
        CliRun unknown = CliRun.of("web-dashboard", "replai", "x");
        CliRun help = CliRun.of("web-dashboard", "--help");

        assertThat(made.exitCode()).as(made.all()).isZero();
        assertThat(Files.readString(report)).contains(Report.DATA_ELEMENT + "H4sI");
        assertThat(missing.exitCode()).isEqualTo(104);
        assertThat(missing.stderr()).isEqualTo("error: cannot read '" + dir.resolve("nope.ndjson")
                + "': no such file\n");
        assertThat(unknown.stderr()).contains("unknown command 'replai' for k6j web-dashboard");
        assertThat(help.stdout()).contains("replay [--host HOST] [--port PORT]");
    }

    @Test
    void badSettingsStopTheRunBeforeItStarts() {
        CliRun run = CliRun.of("run", "--out", "web-dashboard=period=soon", "short.js");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("could not create the 'web-dashboard' output: period 'soon' is not a"
                + " duration: write it like 10s or 1m").doesNotContain("at dev.k6j");
    }
}
