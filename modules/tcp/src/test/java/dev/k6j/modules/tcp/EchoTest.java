package dev.k6j.modules.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.testbed.tcp.TcpTestbed;
import dev.k6j.testkit.ModuleTestKit;
import dev.k6j.testkit.ScriptRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A socket against the testbed's echo server: connect, write, data, destroy, close, and what it reports. */
class EchoTest {

    private static TcpTestbed testbed;
    private static ModuleTestKit kit;

    @BeforeAll
    static void start() {
        testbed = TcpTestbed.start();
        kit = ModuleTestKit.fromClassPath().env("TCP_PORT", Integer.toString(testbed.echoPort()));
    }

    @AfterAll
    static void stop() {
        kit.close();
        testbed.close();
    }

    @Test
    void echoesAStringAndClosesOnce() {
        ScriptRun run = kit.run("""
                import { Socket } from 'k6/x/tcp';
                export default async function () {
                    const socket = new Socket();
                    let closes = 0;
                    const closed = new Promise((resolve) => socket.on('close', () => { closes++; resolve(); }));
                    socket.on('connect', () => console.log('connect', socket.ready_state, socket.connected));
                    socket.on('data', (data) => {
                        console.log('data', String.fromCharCode.apply(null, new Uint8Array(data)),
                            data instanceof ArrayBuffer);
                        socket.destroy();
                        socket.destroy();
                    });
                    socket.on('error', (e) => console.error('error', e));
                    console.log('before', socket.ready_state, socket.local_ip);
                    await socket.connect(__ENV.TCP_PORT, '127.0.0.1');
                    console.log('open', socket.remote_ip, socket.remote_port === Number(__ENV.TCP_PORT),
                        socket.local_port > 0);
                    await socket.write('hello');
                    await closed;
                    console.log('after', socket.ready_state, socket.connected, socket.bytes_written,
                        socket.bytes_read, closes, socket.remote_ip);
                }
                """);

        assertThat(run.errors()).isEmpty();
        assertThat(run.allCompleted()).isTrue();
        assertThat(run.console()).containsExactly(
                "INFO before disconnected undefined",
                "INFO connect open true",
                "INFO open 127.0.0.1 true true",
                "INFO data hello true",
                "INFO after destroyed false 5 5 1 undefined");
    }
}
