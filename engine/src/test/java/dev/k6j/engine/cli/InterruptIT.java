package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C as a user presses it, on real k6j processes: in every phase of a run the first SIGINT stops gracefully
 * (or at once while nothing has started) and says what it waits for, a second one stops at once, and the exit code
 * is 105. The phases run beside CPU hogs, as on a busy machine. A SIGINT that the parent shell ignores still works,
 * and SIGTERM is named as such.
 */
class InterruptIT {

    /** Generous: a busy two-core machine starts a JVM with GraalJS in tens of seconds. */
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration STOP = Duration.ofSeconds(60);
    private static final String ABORTED = "test run was aborted because k6j received a 'interrupt' signal";

    @TempDir
    Path tmp;

    @Test
    void sigintIgnoredByTheParentShellStillStopsTheRunGracefullyWithExitCode105() throws Exception {
        Path results = tmp.resolve("results.json");
        try (K6jProcess k6j = K6jProcess.start(tmp, true, "run", "--address", "", "--out", "json=" + results,
                CliRun.scripts().resolve("long-running.js").toString())) {
            long deadline = System.nanoTime() + START.toNanos();
            while (!hasIterations(results) && k6j.alive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(hasIterations(results)).as("iterations ran before the interrupt\n" + k6j.all()).isTrue();

            k6j.signal("INT");

            assertThat(k6j.awaitExit(STOP)).as("k6j exits after SIGINT\n" + k6j.all()).isTrue();
            assertThat(k6j.exitCode()).as(k6j.all()).isEqualTo(105);
            assertThat(k6j.stdout()).as(k6j.all()).contains("iterations").contains("iteration_duration");
            assertThat(k6j.stderr()).as(k6j.all()).contains("SIGINT (Ctrl-C) received: interrupting the running "
                    + "iterations").contains("teardown ran").contains("interrupted iterations").contains(ABORTED);
            List<String> lines = Files.readAllLines(results);
            assertThat(lines).hasSizeGreaterThan(2);
            ObjectMapper json = new ObjectMapper();
            for (String line : lines) {
                json.readTree(line);
            }
            assertThat(lines.getLast()).as("the JSON output is complete: its last line is whole").endsWith("}");
        }
    }

    @Test
    void everyPhaseStopsOnCtrlCWithExitCode105OnABusyMachine() throws Exception {
        try (CpuHogs hogs = CpuHogs.start(Runtime.getRuntime().availableProcessors())) {
            // Init code: nothing has started, so the first Ctrl-C ends the process at once.
            Stopped init = interrupt("init-loop.js", "init code running", 1);
            assertThat(init.stderr()).as(init.all()).contains("error: " + ABORTED);

            // VU initialization: interrupted; no setup or teardown, but the summary.
            Stopped vus = interrupt("vu-init.js", "initializing VU 3", 1, "-u", "5000", "-d", "1m");
            assertThat(vus.stderr()).as(vus.all()).contains("SIGINT (Ctrl-C) received: interrupting the "
                    + "initialization of VUs").contains(ABORTED).doesNotContain("initializing VU 5000")
                    .doesNotContain("teardown ran");
            assertThat(vus.stdout()).as(vus.all()).contains("vus_max");

            // setup(): interrupted, as k6 does; teardown() does not run.
            Stopped setup = interrupt("setup-loop.js", "setup running", 1);
            assertThat(setup.stderr()).as(setup.all()).contains("SIGINT (Ctrl-C) received: interrupting setup()")
                    .contains(ABORTED).doesNotContain("teardown ran");

            // teardown() and handleSummary(): the first Ctrl-C waits for them and says so; the second stops now.
            Stopped teardown = interrupt("teardown-loop.js", "teardown running", 2);
            assertThat(teardown.stderr()).as(teardown.all()).contains("SIGINT (Ctrl-C) received: waiting for "
                    + "teardown() to finish").contains("press Ctrl-C again to stop at once")
                    .contains("Aborting k6j in response to signal interrupt");
            Stopped summary = interrupt("summary-loop.js", "handleSummary running", 2);
            assertThat(summary.stderr()).as(summary.all()).contains("SIGINT (Ctrl-C) received: waiting for the "
                    + "end-of-test summary").contains("Aborting k6j in response to signal interrupt");
            assertThat(hogs.spins()).as("the hogs kept the CPUs busy").isPositive();
        }
    }

    @Test
    void sigtermIsNamedAsSigtermNotCtrlC() throws Exception {
        try (K6jProcess k6j = K6jProcess.start(tmp, false, "run", "--address", "",
                CliRun.scripts().resolve("interrupts/setup-loop.js").toString())) {
            assertThat(k6j.awaitStderr("setup running", START)).as(k6j.all()).isTrue();

            k6j.signal("TERM");

            assertThat(k6j.awaitExit(STOP)).as(k6j.all()).isTrue();
            assertThat(k6j.exitCode()).as(k6j.all()).isEqualTo(105);
            assertThat(k6j.stderr()).as(k6j.all()).contains("SIGTERM received: interrupting setup()")
                    .contains("send SIGTERM again to stop at once")
                    .contains("test run was aborted because k6j received a 'terminated' signal")
                    .doesNotContain("Ctrl-C");
        }
    }

    /** What a stopped process printed. */
    private record Stopped(String stdout, String stderr, String all) {
    }

    /**
     * Runs a script of {@code interrupts/}, waits for {@code marker} on stderr, sends SIGINT {@code signals} times
     * (waiting between them for the notice of the first) and expects exit code 105.
     */
    private Stopped interrupt(String script, String marker, int signals, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--address", ""));
        args.addAll(List.of(flags));
        args.add(CliRun.scripts().resolve("interrupts").resolve(script).toString());
        try (K6jProcess k6j = K6jProcess.start(tmp, false, args.toArray(String[]::new))) {
            assertThat(k6j.awaitStderr(marker, START)).as(script + " reaches its phase\n" + k6j.all()).isTrue();
            for (int i = 1; i <= signals; i++) {
                k6j.signal("INT");
                if (i < signals) {
                    assertThat(k6j.awaitStderr("received:", STOP)).as("the first Ctrl-C is acknowledged\n"
                            + k6j.all()).isTrue();
                    assertThat(k6j.awaitExit(Duration.ofSeconds(2))).as("it waits after the first Ctrl-C\n"
                            + k6j.all()).isFalse();
                }
            }
            assertThat(k6j.awaitExit(STOP)).as(script + " exits after " + signals + " SIGINT\n" + k6j.all())
                    .isTrue();
            assertThat(k6j.exitCode()).as(k6j.all()).isEqualTo(105);
            return new Stopped(k6j.stdout(), k6j.stderr(), script + ": " + k6j.all());
        }
    }

    private static boolean hasIterations(Path results) throws IOException {
        return Files.exists(results) && Files.readString(results).contains("\"metric\":\"iterations\"");
    }

    /**
     * Whether the process ignores SIGINT (it inherits that from a build started in the background by a
     * non-interactive shell); then SIGTERM, which k6j handles the same way, is sent instead.
     */
    static boolean ignoresSigint(long pid) {
        return SignalDisposition.ignoresInterrupt(Path.of("/proc", Long.toString(pid), "status")).orElse(false);
    }

    /** Threads that keep every CPU busy, as other processes on a loaded machine do. */
    private static final class CpuHogs implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private volatile long spins;

        static CpuHogs start(int count) {
            CpuHogs hogs = new CpuHogs();
            for (int i = 0; i < count; i++) {
                hogs.threads.add(Thread.ofPlatform().daemon().name("cpu-hog-" + i).start(hogs::spin));
            }
            return hogs;
        }

        private void spin() {
            long local = 0;
            while (running.get()) {
                local++;
                if ((local & 0xFFFFF) == 0) {
                    spins = local;
                }
            }
        }

        long spins() {
            return spins;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
