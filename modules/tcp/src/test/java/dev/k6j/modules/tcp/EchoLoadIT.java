package dev.k6j.modules.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.tcp.TcpTestbed;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 VUs, each holding one socket and echoing over it for 10 s, through the CLI: no errors, every echo unchanged,
 * one socket per VU. Counts are checked, never timings; the echo rate is printed for the record.
 */
class EchoLoadIT {

    /** The benchmark's script (benchmarks/tcp.sh runs it too). */
    private static final Path SCRIPT = Path.of("../../benchmarks/scripts/tcp-echo.js").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void twoHundredVusEchoForTenSecondsWithoutErrors() throws Exception {
        Path summary = folder.resolve("summary.json");
        try (TcpTestbed testbed = TcpTestbed.start()) {
            CliRun run = CliRun.of("run", "-q", "--summary-export", summary.toString(),
                    "-e", "TCP_PORT=" + testbed.echoPort(), "-e", "VUS=200", "-e", "ECHO_SECONDS=10", SCRIPT.toString());

            assertThat(run.exitCode()).as(run.all()).isZero();      // thresholds: no tcp_errors, every check passed
            JsonNode metrics = new ObjectMapper().readTree(summary.toFile()).get("metrics");
            assertThat(metrics.get("tcp_sockets").get("count").asLong()).isEqualTo(200);
            assertThat(metrics.has("tcp_errors") ? metrics.get("tcp_errors").get("count").asLong() : 0).isZero();
            long echoes = metrics.get("checks").get("passes").asLong();
            assertThat(metrics.get("checks").get("fails").asLong()).isZero();
            assertThat(echoes).isGreaterThan(200);
            assertThat(metrics.get("tcp_writes").get("count").asLong()).isEqualTo(echoes);
            assertThat(metrics.get("iterations").get("count").asLong()).isEqualTo(200);
            System.out.printf("tcp echo load: %d echoes by 200 VUs in 10 s (%.0f/s), %d errors%n", echoes,
                    echoes / 10.0, 0);
        }
    }
}
