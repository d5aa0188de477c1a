package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import org.junit.jupiter.api.Test;

/** The output as a user meets it: found on the class path by {@code --out}, its banner line, its errors. */
class PrometheusCliTest {

    @Test
    void theEngineFindsTheOutputByK6sNameAndItsXk6Alias() throws Exception {
        try (RemoteWriteReceiver receiver = RemoteWriteReceiver.start()) {
            CliRun k6Name = CliRun.of("run", "--out", "experimental-prometheus-rw=" + receiver.url(),
                    "-e", "SLEEP=0", "metrics.js");
            CliRun xk6Name = CliRun.of("run", "-q", "--out", "xk6-prometheus-rw=" + receiver.url(),
                    "-e", "SLEEP=0", "metrics.js");

            assertThat(k6Name.exitCode()).as(k6Name.all()).isZero();
            assertThat(k6Name.stdout()).contains("experimental-prometheus-rw (" + receiver.url() + ")");
            assertThat(xk6Name.exitCode()).as(xk6Name.all()).isZero();
            assertThat(receiver.lastValues()).containsKey("k6_iterations_total{scenario=\"default\"}");
        }
    }

    @Test
    void badSettingsStopTheRunBeforeItStartsWithOneLine() {
        CliRun run = CliRun.of("run", "--out", "experimental-prometheus-rw=pushInterval=soon", "metrics.js");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("could not create the 'experimental-prometheus-rw' output:"
                + " --out experimental-prometheus-rw pushInterval 'soon' is not a duration")
                .doesNotContain("at dev.k6j");
    }

    @Test
    void versionListsTheOutput() {
        CliRun run = CliRun.of("version");

        assertThat(run.stdout() + run.stderr()).contains("experimental-prometheus-rw");
    }
}
