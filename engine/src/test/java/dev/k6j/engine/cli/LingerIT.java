package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code --linger}: after the test the REST API stays up, until Ctrl-C; the exit code is still the test's. */
class LingerIT {

    @Test
    void theRestApiAnswersAfterTheTestUntilCtrlC() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process process = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--linger", "--no-summary", "-a", "127.0.0.1:" + port,
                CliRun.scripts().resolve("hello.js").toString())).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (!output.toString().contains("--linger was enabled") && System.nanoTime() < deadline
                    && process.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(output.toString()).as(output.toString())
                    .contains("The test is done, but --linger was enabled, so k6j is waiting for Ctrl+C to continue...");
            HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v1/status")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(process.isAlive()).as("still lingering").isTrue();
            String signal = InterruptIT.ignoresSigint(process.pid()) ? "TERM" : "INT";
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits after Ctrl-C").isTrue();
            assertThat(process.exitValue()).as(output.toString()).isZero();
        } finally {
            process.destroyForcibly();
            reader.join(5000);
        }
    }
}
