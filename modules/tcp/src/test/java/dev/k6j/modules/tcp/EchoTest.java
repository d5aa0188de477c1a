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

    @Test
    void stringEncodingsSendTheBytesTheyEncode() {
        ScriptRun run = kit.run(Scripts.PRELUDE + """
                const cases = [['Hello', undefined], ['Hello', 'utf8'], ['Héllo', 'utf-8'], ['Hello', 'ascii'],
                    ['SGVsbG8=', 'base64'], ['SGVsbG8', 'base64'], ['_-8', 'base64url'], ['48656C6c6f', 'hex']];
                export default async function () {
                    for (const [text, encoding] of cases) {
                        const socket = new Socket();
                        const done = new Promise((resolve) => socket.on('data', (d) => {
                            resolve(Array.from(new Uint8Array(d)).join(' '));
                            socket.destroy();
                        }));
                        await socket.connect(__ENV.TCP_PORT, '127.0.0.1');
                        await socket.write(text, encoding === undefined ? undefined : { encoding });
                        console.log(encoding, await done);
                    }
                }
                """);

        assertThat(run.errors()).isEmpty();
        assertThat(run.console()).containsExactly(
                "INFO undefined 72 101 108 108 111",
                "INFO utf8 72 101 108 108 111",
                "INFO utf-8 72 195 169 108 108 111",
                "INFO ascii 72 101 108 108 111",
                "INFO base64 72 101 108 108 111",
                "INFO base64 72 101 108 108 111",
                "INFO base64url 255 239",
                "INFO hex 72 101 108 108 111");
    }

    @Test
    void binaryDataRoundTripsEveryByteValueAndLargeWritesArriveWhole() {
        ScriptRun run = kit.run(Scripts.PRELUDE + """
                export default async function () {
                    const size = 1024 * 1024;
                    const sent = new Uint8Array(size);
                    for (let i = 0; i < size; i++) sent[i] = (i * 7) & 0xff;
                    const socket = new Socket();
                    const received = new Uint8Array(size);
                    let at = 0, events = 0;
                    const done = new Promise((resolve) => socket.on('data', (d) => {
                        received.set(new Uint8Array(d), at);
                        at += d.byteLength;
                        events++;
                        if (at === size) { socket.destroy(); resolve(); }
                    }));
                    const closed = new Promise((resolve) => socket.on('close', resolve));
                    await socket.connect({ port: __ENV.TCP_PORT, host: '127.0.0.1' });
                    await socket.write(sent.buffer.slice(0, 256), { encoding: 'hex' });   // encoding ignored
                    await socket.write(sent.subarray(256));                               // a typed array
                    await done;
                    await closed;
                    console.log(at, received.every((b, i) => b === sent[i]), events > 1,
                        socket.bytes_written, socket.bytes_read);
                }
                """);

        assertThat(run.errors()).isEmpty();
        assertThat(run.console()).containsExactly("INFO 1048576 true true 1048576 1048576");
        assertThat(run.sum("data_sent")).isEqualTo(1048576);
        assertThat(run.sum("data_received")).isEqualTo(1048576);
    }

    @Test
    void theDefaultExportHasSocketAndAHandlerReplacesTheEarlierOne() {
        ScriptRun run = kit.run("""
                import tcp from 'k6/x/tcp';
                export default async function () {
                    const socket = new tcp.Socket({ tags: { name: 'x' } });
                    socket.on('data', () => console.log('first'));
                    socket.on('data', () => { console.log('second'); socket.destroy(); });
                    const closed = new Promise((resolve) => socket.on('close', resolve));
                    await socket.connect(Number(__ENV.TCP_PORT));      // host defaults to localhost
                    await socket.write(new Uint8Array([1, 2, 3]).buffer);
                    await closed;
                }
                """);

        assertThat(run.errors()).isEmpty();
        assertThat(run.console()).containsExactly("INFO second");
    }

    @Test
    void theReadmeExampleKeepsTheIterationAliveWithoutAwaitingConnect() {
        ScriptRun run = kit.env("TCP_ECHO_PORT", Integer.toString(testbed.echoPort()))
                .env("TCP_ECHO_HOST", "127.0.0.1").run("""
                import tcp from "k6/x/tcp"

                export default async function () {
                  const socket = new tcp.Socket()

                  socket.on("connect", () => {
                    console.log("Connected")
                    socket.write("Hey there\\n");
                  })

                  socket.on("data", (data) => {
                    console.log("Received data")
                    const str = String.fromCharCode.apply(null, new Uint8Array(data))
                    console.log(str)
                    socket.destroy()
                  })

                  const prom = new Promise((resolve) => {
                    socket.on("close", () => {
                      console.log("Connection closed")
                      resolve()
                    })
                  })

                  socket.on("error", (err) => {
                    console.log(`Socket error: ${err}`);
                  })

                  socket.connect(__ENV.TCP_ECHO_PORT, __ENV.TCP_ECHO_HOST)
                  console.log("after connect")
                }
                """);

        assertThat(run.errors()).isEmpty();
        assertThat(run.allCompleted()).isTrue();
        assertThat(run.console()).containsExactly("INFO after connect", "INFO Connected", "INFO Received data",
                "INFO Hey there", "INFO Connection closed");
    }
}
