package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VU counts the heap can't hold are refused before any VU is made (exit 104, one line), unless the user insists
 * with {@code --no-vu-memory-check}. Real k6j processes with a small heap, so a missing check can't take the test's
 * JVM down with it.
 */
class VuCountLimitIT {

    private static final Duration RUN = Duration.ofSeconds(180);

    @TempDir
    Path tmp;

    @Test
    void aVuCountBeyondTheHeapIsRefusedAtOnceWithExitCode104() throws Exception {
        try (K6jProcess k6j = K6jProcess.start(tmp, false, List.of("-Xmx128m"), "run", "--address", "",
                "-u", "99999999999", "-d", "10s", CliRun.scripts().resolve("empty-iteration.js").toString())) {
            assertThat(k6j.awaitExit(RUN)).as(k6j.all()).isTrue();
            assertThat(k6j.exitCode()).as(k6j.all()).isEqualTo(104);
            assertThat(k6j.stderr()).as(k6j.all())
                    .contains("level=error msg=\"99999999999 VUs won't fit in the JVM's 128 MB heap")
                    .contains("--no-vu-memory-check").doesNotContain("OutOfMemoryError");
            assertThat(k6j.stderr().lines().filter(line -> !line.isBlank())).as(k6j.all()).hasSize(1);
        }
    }

    @Test
    void noVuMemoryCheckRunsACountBeyondTheEstimateWithAWarning() throws Exception {
        // 310 VUs are more than the estimate lets 96 MB hold (307), but far fewer than would really fill it.
        try (K6jProcess k6j = K6jProcess.start(tmp, false, List.of("-Xmx96m"), "run", "--address", "", "-q",
                "--no-vu-memory-check", "-u", "310", "-i", "310",
                CliRun.scripts().resolve("empty-iteration.js").toString())) {
            assertThat(k6j.awaitExit(RUN)).as(k6j.all()).isTrue();
            assertThat(k6j.exitCode()).as(k6j.all()).isZero();
            assertThat(k6j.stderr()).as(k6j.all()).contains("310 VUs won't fit in the JVM's 96 MB heap")
                    .contains("running anyway, as --no-vu-memory-check asks");
        }
    }
}
