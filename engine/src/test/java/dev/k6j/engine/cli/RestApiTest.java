package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.api.RestApiClient;
import dev.k6j.engine.api.Status;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * k6 v1's REST API steering an externally-controlled test: status, scaling VUs up and down, pause and resume, and
 * stopping the test (exit 103); also through the {@code k6j status|scale|pause|resume} commands.
 */
class RestApiTest {

    @Test
    void anExternallyControlledTestIsSteeredFromTheRestApi() throws Exception {
        String address = "127.0.0.1:" + freePort();
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() ->
                CliRun.of("run", "--address", address, "externally-controlled.js"));
        RestApiClient api = new RestApiClient(address);
        try {
            Status running = await(api, s -> s.running() && s.vus() == 1);
            assertThat(running.status()).as("k6's 'running' status").isEqualTo(7);
            assertThat(running.vusMax()).isEqualTo(2);

            Status scaled = api.patch(Map.of("vus", 2));
            assertThat(scaled.vus()).isEqualTo(2);

            assertThatThrownBy(() -> api.patch(Map.of("vus", 3)))
                    .hasMessage("Config update error: invalid configuration supplied: the number of active VUs (3) "
                            + "must be less than or equal to the number of maxVUs (2)");
            assertThatThrownBy(() -> api.patch(Map.of("vus", 1, "vus-max", 1)))
                    .hasMessageContaining("the new number of max VUs cannot be lower than the starting number of "
                            + "max VUs (2)");

            // More VUs than the heap holds: refused at once, before any is initialized.
            assertThatThrownBy(() -> api.patch(Map.of("vus-max", 100_000_000)))
                    .hasMessageStartingWith("Config update error: 100000000 VUs won't fit in the JVM's");
            assertThat(api.status().vusMax()).isEqualTo(2);

            Status grown = api.patch(Map.of("vus-max", 3, "vus", 3));
            assertThat(grown.vus()).as("a third VU was initialized and started").isEqualTo(3);
            assertThat(grown.vusMax()).isEqualTo(3);

            assertThat(Main.run("scale", "--address", address, "--vus", "1")).isZero();
            await(api, s -> s.vus() == 1);

            assertThat(Main.run("pause", "--address", address)).isZero();
            Status paused = api.status();
            assertThat(paused.paused()).isTrue();
            assertThat(paused.vus()).as("paused VUs finish their iteration and stop").isZero();
            assertThat(Main.run("resume", "--address", address)).isZero();
            assertThat(await(api, s -> s.vus() == 1).paused()).isFalse();
            assertThat(Main.run("status", "--address", address)).isZero();

            // More VUs than the machine has cores, stopped mid-iteration: none may keep a core busy while it ends.
            assertThat(api.patch(Map.of("vus", 6, "vus-max", 6)).vus()).isEqualTo(6);
            api.patch(Map.of("stopped", true));
            CliRun result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.all()).isEqualTo(103);
            assertThat(result.stdout()).contains("Externally controlled execution with 1 VUs, 2 max VUs, infinite "
                    + "duration").contains("vus-max: 3").contains("paused: true");
            assertThat(result.stderr()).contains("test run stopped from REST API");
        } finally {
            if (!run.isDone()) {
                try {
                    api.patch(Map.of("stopped", true));
                } catch (IOException ignored) {
                    // the run is gone already
                }
                run.get(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void pausingAScenarioThatCantPauseIsRefusedAsK6Does() throws Exception {
        String address = "127.0.0.1:" + freePort();
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() ->
                CliRun.of("run", "-q", "--address", address, "long-running.js"));
        RestApiClient api = new RestApiClient(address);
        try {
            await(api, Status::running);
            assertThatThrownBy(() -> api.patch(Map.of("paused", true))).hasMessage("Pause error: constant-vus "
                    + "executor 'long' doesn't support pause and resume operations after its start");
            assertThatThrownBy(() -> api.patch(Map.of("vus", 5))).hasMessage("Execution config error: an "
                    + "externally-controlled executor needs to be configured for live configuration updates");
        } finally {
            api.patch(Map.of("stopped", true));
            assertThat(run.get(60, TimeUnit.SECONDS).exitCode()).isEqualTo(103);
        }
    }

    private static Status await(RestApiClient api, Predicate<Status> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Status last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = api.status();
                if (condition.test(last)) {
                    return last;
                }
            } catch (IOException notYet) {
                // the server starts once the options are read
            }
            Thread.sleep(50);
        }
        throw new AssertionError("status never reached the condition; last: " + last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
