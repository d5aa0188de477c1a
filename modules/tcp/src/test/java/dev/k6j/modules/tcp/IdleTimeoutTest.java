package dev.k6j.modules.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.testbed.tcp.TcpTestbed;
import dev.k6j.testkit.ModuleTestKit;
import dev.k6j.testkit.ScriptRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code setTimeout(ms)}: an idle socket gets {@code timeout} events and stays open; 0 turns it off. */
class IdleTimeoutTest {

    private static TcpTestbed testbed;
    private static ModuleTestKit kit;

    @BeforeAll
    static void start() {
        testbed = TcpTestbed.start();
        kit = ModuleTestKit.fromClassPath().env("CHAOS", Integer.toString(testbed.chaosPort()));
    }

    @AfterAll
    static void stop() {
        kit.close();
        testbed.close();
    }

    @Test
    void anIdleSocketTimesOutAndStaysOpenUntilDestroyed() {
        ScriptRun run = kit.run(Scripts.PRELUDE + """
                export default async function () {
                    const socket = new Socket();
                    const { log, closed } = record(socket);
                    let timeouts = 0;
                    socket.on('timeout', () => {
                        log.push('timeout ' + socket.ready_state);
                        if (++timeouts === 2) socket.destroy();
                    });
                    console.log(socket.setTimeout(50) === socket);
                    await socket.connect(__ENV.CHAOS, '127.0.0.1');
                    await socket.write('stall\\n');
                    await closed;
                    console.log(JSON.stringify(log));
                }
                """);

        assertThat(run.errors()).isEmpty();
        assertThat(run.console()).containsExactly("INFO true",
                "INFO [\"connect\",\"timeout open\",\"timeout open\",\"close\"]");
        assertThat(run.sum("tcp_timeouts")).isGreaterThanOrEqualTo(2);
        assertThat(run.samples("tcp_timeouts").getFirst().tags().get("proto")).isEqualTo("TCP");
    }

    @Test
    void dataResetsTheIdleTimerAndZeroTurnsItOff() {
        ScriptRun run = kit.run(Scripts.PRELUDE + """
                export default async function () {
                    const socket = new Socket();
                    const { log, closed } = record(socket);
                    await socket.connect(__ENV.CHAOS, '127.0.0.1');
                    socket.setTimeout(2000);
                    for (let i = 0; i < 4; i++) {          // data every 50 ms keeps the socket busy
                        await socket.write('send 1\\n');
                        await new Promise((r) => setTimeout(r, 50));
                    }
                    socket.setTimeout(100);
                    socket.setTimeout(0);                  // off again before it could fire
                    await new Promise((r) => setTimeout(r, 400));
                    socket.destroy();
                    await closed;
                    // TCP may deliver two one-byte answers in one read, so the bytes are counted, not the events.
                    const events = log.filter((e) => !e.startsWith('data:'));
                    const bytes = log.filter((e) => e.startsWith('data:'))
                        .reduce((sum, e) => sum + Number(e.slice(5)), 0);
                    console.log(JSON.stringify(events), bytes);
                }
                """);

        assertThat(run.errors()).isEmpty();
        assertThat(run.console()).containsExactly("INFO [\"connect\",\"close\"] 4");
        assertThat(run.samples("tcp_timeouts")).isEmpty();
    }
}
