package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C as a user presses it: a real k6j process running a long test gets SIGINT, stops gracefully (teardown,
 * summary, outputs flushed) and exits with 105.
 */
class InterruptTest {

    @TempDir
    Path tmp;

    @Test
    void sigintStopsTheTestGracefullyWithExitCode105() throws Exception {
        Path results = tmp.resolve("results.json");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Dk6j.jsRuntime=interpreter",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--address", "", "--out", "json=" + results,
                CliRun.scripts().resolve("long-running.js").toString()));
        // Started directly (not through a shell), so the JVM gets SIGINT with its default disposition.
        Process process = new ProcessBuilder(command).directory(tmp.toFile()).start();
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!hasIterations(results) && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(process.isAlive()).as("the test runs until interrupted").isTrue();
            assertThat(hasIterations(results)).as("iterations ran before the interrupt").isTrue();

            String signal = ignoresSigint(process.pid()) ? "TERM" : "INT";
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("k6j exits after SIG" + signal).isTrue();

            String out = stdout.get(10, TimeUnit.SECONDS);
            String err = stderr.get(10, TimeUnit.SECONDS);
            String all = "SIG" + signal + ", exit " + process.exitValue() + "\n--- stdout\n" + out + "\n--- stderr\n"
                    + err;
            assertThat(process.exitValue()).as(all).isEqualTo(105);
            assertThat(out).as(all).contains("iterations").contains("iteration_duration");
            assertThat(err).as(all).contains("teardown ran").contains("interrupted iterations");
            List<String> lines = Files.readAllLines(results);
            assertThat(lines).hasSizeGreaterThan(2);
            ObjectMapper json = new ObjectMapper();
            for (String line : lines) {
                json.readTree(line);
            }
            assertThat(lines.getLast()).as("the JSON output is complete: its last line is whole").endsWith("}");
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean hasIterations(Path results) throws IOException {
        return Files.exists(results) && Files.readString(results).contains("\"metric\":\"iterations\"");
    }

    /**
     * Whether the process ignores SIGINT (it inherits that from a build started in the background by a
     * non-interactive shell); then SIGTERM, which k6j handles the same way, is sent instead.
     */
    static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (mask & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
