package dev.k6j.modules.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.testbed.tcp.TcpTestbed;
import dev.k6j.testkit.ModuleTestKit;
import dev.k6j.testkit.ScriptRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way a socket fails reaches the {@code error} handler and rejects the pending promise with a readable
 * message, and the iteration goes on (the VU survives): refused, reset, closed by the server, unknown host, bad
 * port, bad encoding, writes without a connection.
 */
class FailuresTest {

    private static TcpTestbed testbed;
    private static ModuleTestKit kit;
    private static int closed;

    @BeforeAll
    static void start() throws IOException {
        testbed = TcpTestbed.start();
        closed = closedPort();
        kit = ModuleTestKit.fromClassPath()
                .env("ECHO", Integer.toString(testbed.echoPort()))
                .env("CHAOS", Integer.toString(testbed.chaosPort()))
                .env("CLOSED", Integer.toString(closed));
    }

    @AfterAll
    static void stop() {
        kit.close();
        testbed.close();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private ScriptRun run(String body) {
        ScriptRun run = kit.run(Scripts.PRELUDE + "export default async function () {\n" + body + "\n}\n");
        assertThat(run.allCompleted()).as(String.join("\n", run.console())).isTrue();
        return run;
    }

    @Test
    void aRefusedConnectionRejectsAndFiresErrorWithoutClose() {
        ScriptRun run = run("""
                const socket = new Socket();
                const { log } = record(socket);
                try { await socket.connect(Number(__ENV.CLOSED), '127.0.0.1'); } catch (e) {
                    log.push('rejected:' + e.name + ':' + (e instanceof Error)); }
                await new Promise((r) => setTimeout(r, 50));
                console.log(JSON.stringify(log), socket.ready_state);
                """);

        assertThat(run.console()).containsExactly("INFO [\"error:TCPError:connect:TCP error during connect: dial tcp"
                + " 127.0.0.1:" + closed + ": connection refused\",\"rejected:TCPError:true\"] disconnected");
        assertThat(run.sum("tcp_errors")).isEqualTo(1);
        assertThat(run.samples("tcp_sockets")).isEmpty();
        assertThat(run.samples("tcp_socket_connecting")).hasSize(1);
    }

    @Test
    void anUnknownHostIsALookupError() {
        ScriptRun run = run("""
                const socket = new Socket();
                const { log } = record(socket);
                await socket.connect({ port: 80, host: 'no-such-host.invalid' }).catch((e) => log.push('rejected'));
                console.log(JSON.stringify(log));
                """);

        assertThat(run.console()).containsExactly("INFO [\"error:TCPError:connect:TCP error during connect: lookup"
                + " no-such-host.invalid: no such host\",\"rejected\"]");
        assertThat(run.samples("tcp_socket_resolving")).hasSize(1);
        assertThat(run.samples("tcp_errors").getFirst().tags().get("host")).isEqualTo("no-such-host.invalid");
    }

    @Test
    void badPortsAreRejectedBeforeAnythingIsSent() {
        ScriptRun run = run("""
                for (const port of [0, 70000, 'abc', 1.5, true]) {
                    const socket = new Socket();
                    await socket.connect(port, '127.0.0.1').catch((e) => console.log(e.message));
                }
                await new Socket().connect({ host: '127.0.0.1' }).catch((e) => console.log(e.message));
                """);

        assertThat(run.console()).containsExactly(
                "INFO TCP error during connect: invalid port 0: must be a number from 1 to 65535",
                "INFO TCP error during connect: invalid port 70000: must be a number from 1 to 65535",
                "INFO TCP error during connect: invalid port 'abc': must be a number from 1 to 65535",
                "INFO TCP error during connect: invalid port 1.5: must be a number from 1 to 65535",
                "INFO TCP error during connect: connect needs a port (number or string) or an options object, not true",
                "INFO TCP error during connect: connect options need a port");
        assertThat(run.sum("tcp_errors")).isEqualTo(6);
    }

    @Test
    void writingWithoutAConnectionRejectsAndFiresError() {
        ScriptRun run = run("""
                const socket = new Socket();
                const { log, closed } = record(socket);
                await socket.write('early').catch((e) => log.push('rejected early'));
                await socket.connect(__ENV.ECHO, '127.0.0.1');
                socket.destroy();
                await closed;
                await socket.write('late').catch((e) => log.push('rejected late'));
                await socket.connect(__ENV.ECHO, '127.0.0.1').catch((e) => log.push('rejected reconnect'));
                console.log(JSON.stringify(log));
                """);

        assertThat(run.console()).containsExactly("INFO " + String.join(",",
                "[\"error:TCPError:write:TCP error during write: no active connection: connect first\"",
                "\"rejected early\"",
                "\"connect\"",
                "\"close\"",
                "\"error:TCPError:write:TCP error during write: no active connection: the socket is destroyed\"",
                "\"rejected late\"",
                "\"error:TCPError:connect:TCP error during connect: socket is destroyed and cannot be reused\"",
                "\"rejected reconnect\"]"));
    }

    @Test
    void aBadEncodingFailsThatWriteOnlyAndTheSocketStaysUsable() {
        ScriptRun run = run("""
                const socket = new Socket();
                const { log, closed } = record(socket);
                socket.on('data', (d) => { log.push('echo ' + String.fromCharCode.apply(null, new Uint8Array(d)));
                    socket.destroy(); });
                await socket.connect(__ENV.ECHO, '127.0.0.1');
                for (const [data, encoding] of [['x', 'latin1'], ['not!!base64', 'base64'], ['zzz', 'hex']]) {
                    await socket.write(data, { encoding }).catch((e) => log.push('rejected ' + encoding));
                }
                await socket.write(42).catch((e) => log.push('rejected number'));
                await socket.write('ok');
                await closed;
                console.log(JSON.stringify(log));
                """);

        String line = run.console().getFirst();
        assertThat(line).contains("\"error:TCPError:write:TCP error during write: unsupported encoding 'latin1':"
                        + " use utf8, ascii, base64, base64url or hex\",\"rejected latin1\"")
                .contains("\"error:TCPError:write:TCP error during write: invalid base64 data:")
                .contains("\"error:TCPError:write:TCP error during write: invalid hex data:")
                .contains("\"error:TCPError:write:TCP error during write: data must be a string or an ArrayBuffer\"")
                .endsWith("\"rejected number\",\"echo ok\",\"close\"]");
        assertThat(run.sum("tcp_errors")).isEqualTo(4);
        assertThat(run.sum("tcp_writes")).isEqualTo(1);
    }

    @Test
    void aServerThatClosesEndsTheSocketWithCloseOnly() {
        ScriptRun run = run("""
                const socket = new Socket();
                const { log, closed } = record(socket);
                await socket.connect(__ENV.CHAOS, '127.0.0.1');
                await socket.write('close\\n');
                await closed;
                console.log(JSON.stringify(log), socket.ready_state);
                """);

        assertThat(run.console()).containsExactly("INFO [\"connect\",\"close\"] destroyed");
        assertThat(run.samples("tcp_socket_duration")).hasSize(1);
    }

    @Test
    void aResetIsAnErrorThenAClose() {
        ScriptRun run = run("""
                const socket = new Socket();
                const { log, closed } = record(socket);
                await socket.connect(__ENV.CHAOS, '127.0.0.1');
                await socket.write('reset\\n');
                await closed;
                console.log(JSON.stringify(log), socket.ready_state);
                """);

        assertThat(run.console()).containsExactly("INFO [\"connect\",\"error:TCPError:read:TCP error during read:"
                + " connection reset by peer\",\"close\"] destroyed");
        assertThat(run.sum("tcp_errors")).isEqualTo(1);
    }

    @Test
    void aWriteCutShortByAResetIsAPartialWrite() {
        ScriptRun run = run("""
                const socket = new Socket();
                const { log, closed } = record(socket);
                await socket.connect(__ENV.CHAOS, '127.0.0.1');
                await socket.write('reset-after 10\\n');
                await socket.write(new ArrayBuffer(64 * 1024 * 1024)).catch((e) => log.push('rejected'));
                await closed;
                console.log(JSON.stringify(log.filter((e) => !e.startsWith('error'))));
                """);

        assertThat(run.console()).containsExactly("INFO [\"connect\",\"rejected\",\"close\"]");
        assertThat(run.sum("tcp_partial_writes")).isEqualTo(1);
        assertThat(run.sum("tcp_writes")).isEqualTo(2);
    }

    @Test
    void destroyWithAnErrorFiresErrorBeforeClose() {
        ScriptRun run = run("""
                const socket = new Socket();
                const { log, closed } = record(socket);
                socket.on('connect', () => socket.destroy(new Error('enough')));
                await socket.connect(__ENV.ECHO, '127.0.0.1');
                await closed;
                console.log(JSON.stringify(log));
                """);

        assertThat(run.console()).containsExactly("INFO [\"error:TCPError:destroy:enough\",\"close\"]");
    }

    @Test
    void destroyBeforeConnectFiresCloseOnce() {
        ScriptRun run = run("""
                const socket = new Socket();
                const { log, closed } = record(socket);
                socket.destroy();
                socket.destroy();
                await closed;
                await new Promise((r) => setTimeout(r, 20));
                console.log(JSON.stringify(log), socket.ready_state);
                """);

        assertThat(run.console()).containsExactly("INFO [\"close\"] destroyed");
    }

    @Test
    void anErrorWithoutHandlersStillRejects() {
        ScriptRun run = kit.run("""
                import { Socket } from 'k6/x/tcp';
                export default async function () {
                    await new Socket().connect(Number(__ENV.CLOSED), '127.0.0.1');
                }
                """, 2);

        assertThat(run.outcomes()).containsExactly("FAILED", "FAILED");
        assertThat(run.errors()).allMatch(line -> line.contains("TCPError: TCP error during connect: dial tcp"));
    }

    @Test
    void unknownEventsAndNonFunctionHandlersAreTypeErrors() {
        ScriptRun run = run("""
                const socket = new Socket();
                try { socket.on('drain', () => {}); } catch (e) { console.log(e.name, e.message); }
                try { socket.on('data', 'nope'); } catch (e) { console.log(e.name, e.message); }
                """);

        assertThat(run.console()).containsExactly(
                "INFO TypeError unknown event 'drain': use one of connect, data, close, error, timeout",
                "INFO TypeError the 'data' handler must be a function");
    }

    @Test
    void dataAndTheServersCloseArriveInOrderEveryTime() {
        ScriptRun run = run("""
                for (let i = 0; i < 20; i++) {
                    const socket = new Socket();
                    const { log, closed } = record(socket);
                    await socket.connect(__ENV.CHAOS, '127.0.0.1');
                    await socket.write('send 3\\nclose\\n');
                    await closed;
                    if (log.join() !== 'connect,data:3,close') console.log(JSON.stringify(log));
                }
                console.log('done');
                """);

        assertThat(run.console()).containsExactly("INFO done");
    }
}
