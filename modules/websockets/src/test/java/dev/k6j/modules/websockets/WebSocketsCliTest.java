package dev.k6j.modules.websockets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.TestCertificates;
import dev.k6j.testbed.ws.WebSocketServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code k6/websockets} end to end where the CLI matters: the test's TLS options (which the test kit's VU does not
 * have) and iterations a scenario cuts short. The CLI runs the scripts of {@code src/test/resources/scripts} against
 * the testbed's WebSocket servers; each script checks its events with {@code check} and fails its {@code checks}
 * threshold (exit 99) if one is wrong. {@link WebSocketsTest} runs the rest on one VU.
 */
class WebSocketsCliTest {

    private static WebSocketServer server;
    private static WebSocketServer secure;

    @BeforeAll
    static void startServers() {
        server = WebSocketServer.start("127.0.0.1", 0, null);
        secure = WebSocketServer.startSecure("127.0.0.1", 0, TestCertificates.generate());
    }

    @AfterAll
    static void stopServers() {
        server.close();
        secure.close();
    }

    static CliRun run(String script, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "-q", "-e", "WS_URL=" + server.url(), "-e",
                "WSS_URL=" + secure.url()));
        args.addAll(List.of(more));
        args.add(script);
        return CliRun.of(args.toArray(String[]::new));
    }

    static void assertPassed(CliRun run) {
        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).as(run.all()).doesNotContain("unexpected error");
    }

    @Test
    void wssUsesTheTestsTlsOptions() {
        assertPassed(run("wss.js", "-e", "SKIP_VERIFY=true"));
        CliRun untrusted = run("wss.js", "-e", "SKIP_VERIFY=false");
        assertPassed(untrusted);
        assertThat(untrusted.stdout()).contains("an untrusted certificate fails the handshake");
    }

    @Test
    void socketsOfIterationsCutShortAreDroppedAndTheRunEnds() {
        CliRun run = run("interrupted.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).contains("ws_sessions").contains("ws_session_duration");
    }
}
