package dev.k6j.modules.websockets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import dev.k6j.spi.Sample;
import dev.k6j.testbed.ws.WebSocketServer;
import dev.k6j.testkit.ModuleTestKit;
import dev.k6j.testkit.ScriptRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code k6/websockets} and {@code k6/ws} on one VU in this JVM ({@link ModuleTestKit}): the scripts of
 * {@code src/test/resources/scripts} against the testbed's WebSocket server; each checks its events with
 * {@code check}, and what their thresholds say on the CLI is asserted here. {@link WebSocketsCliTest} has what
 * needs the CLI.
 */
class WebSocketsTest {

    private static WebSocketServer server;
    private static ModuleTestKit kit;

    @BeforeAll
    static void start() {
        server = WebSocketServer.start("127.0.0.1", 0, null);
        kit = ModuleTestKit.fromClassPath().env("WS_URL", server.url());
    }

    @AfterAll
    static void stop() {
        kit.close();
        server.close();
    }

    private static ScriptRun run(String script, int iterations) {
        try {
            return kit.run(Files.readString(CliRun.scripts().resolve(script)), iterations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every iteration completed and every check passed (the scripts' {@code checks: ['rate==1']} threshold). */
    private static ScriptRun assertPassed(ScriptRun run) {
        assertThat(run.allCompleted()).as(run.console().toString()).isTrue();
        assertThat(run.checks()).as(run.console().toString()).doesNotContainValue(false);
        assertThat(run.console()).noneMatch(line -> line.contains("unexpected error"));
        return run;
    }

    @Test
    void echoesTextWithOpenMessageAndCloseEvents() {
        assertPassed(run("echo.js", 1));
    }

    @Test
    void sendsAndReceivesBinaryAsArrayBufferViewsAndBlobs() {
        assertPassed(run("binary.js", 1));
    }

    @Test
    void pingsAreTimedAndServerPingsAreAnswered() {
        assertPassed(run("ping.js", 1));
    }

    @Test
    void failuresBecomeErrorAndCloseEventsWithK6Messages() {
        assertPassed(run("errors.js", 1));
    }

    @Test
    void headersSubprotocolsCookiesTagsAndCompressionReachTheServer() {
        ScriptRun run = assertPassed(run("params.js", 1));

        assertThat(sumTagged(run, "ws_sessions", "custom", "yes")).isEqualTo(1);
        assertThat(sumTagged(run, "ws_msgs_received", "custom", "yes")).isEqualTo(2);
    }

    /** The script's 4 iterations (shared by 2 VUs on the CLI) on one VU: 3 sockets each. */
    @Test
    void timersInterleaveWithSocketEventsOfManySocketsPerVu() {
        ScriptRun run = assertPassed(run("timers.js", 4));

        assertThat(run.sum("ws_sessions")).isEqualTo(12);
        assertThat(run.sum("ws_msgs_sent")).isEqualTo(60);
        assertThat(run.sum("ws_msgs_received")).isEqualTo(60);
    }

    @Test
    void legacyWsConnectBlocksUntilTheSocketCloses() {
        ScriptRun run = assertPassed(run("legacy.js", 1));

        assertThat(run.sum("ws_sessions")).isEqualTo(4);
    }

    @Test
    void everyMetricIsEmittedWithK6sTags() {
        ScriptRun run = assertPassed(run("metrics.js", 1));

        String url = server.url() + "/echo";
        for (String metric : List.of("ws_connecting", "ws_sessions", "ws_session_duration", "ws_msgs_sent",
                "ws_msgs_received", "ws_ping", "data_sent", "data_received")) {
            List<Sample> samples = run.samples(metric).stream().filter(s -> url.equals(s.tags().get("url"))).toList();
            assertThat(samples).as(metric).isNotEmpty();
            assertThat(samples.get(0).tags().get("name")).as(metric).isEqualTo(url);
            if (!metric.equals("ws_connecting") && !metric.equals("ws_sessions")) {
                assertThat(samples.get(0).tags().get("status")).as(metric).isEqualTo("101");
                assertThat(samples.get(0).tags().get("subproto")).as(metric).isEqualTo("chat");
            }
            assertThat(samples.stream().mapToDouble(Sample::value).sum()).as(metric).isPositive();
        }
        assertThat(run.sum("ws_msgs_sent")).isEqualTo(3);
        assertThat(run.sum("ws_msgs_received")).isEqualTo(3);
    }

    private static double sumTagged(ScriptRun run, String metric, String tag, String value) {
        return run.samples(metric).stream().filter(s -> value.equals(s.tags().get(tag))).mapToDouble(Sample::value)
                .sum();
    }
}
