package dev.k6j.modules.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.ValueType;
import dev.k6j.testbed.tcp.TcpTestbed;
import dev.k6j.testkit.ModuleTestKit;
import dev.k6j.testkit.ScriptRun;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** xk6-tcp's metrics: names, types, values, and the tags each sample carries. */
class MetricsTest {

    private static TcpTestbed testbed;
    private static ModuleTestKit kit;

    @BeforeAll
    static void start() {
        testbed = TcpTestbed.start();
        kit = ModuleTestKit.fromClassPath().env("ECHO", Integer.toString(testbed.echoPort()));
    }

    @AfterAll
    static void stop() {
        kit.close();
        testbed.close();
    }

    @Test
    void oneEchoReportsEveryMetricWithTheSocketsTags() {
        ScriptRun run = kit.run("""
                import { Socket } from 'k6/x/tcp';
                import exec from 'k6/execution';
                export default async function () {
                    exec.vu.metrics.tags.team = 'blue';
                    const socket = new Socket({ tags: { service: 'echo', level: 'socket' } });
                    const closed = new Promise((resolve) => socket.on('close', resolve));
                    socket.on('data', () => socket.destroy());
                    await socket.connect({ port: Number(__ENV.ECHO), host: 'localhost', tags: { level: 'connect' } });
                    await socket.write('ping', { tags: { op: 'ping' } });
                    await closed;
                }
                """);

        assertThat(run.errors()).isEmpty();
        Map<String, String> socketTags = Map.of("proto", "TCP", "service", "echo", "level", "connect",
                "host", "localhost", "port", Integer.toString(testbed.echoPort()), "ip", "127.0.0.1", "team", "blue");
        for (String metric : new String[] {"tcp_socket_connecting", "tcp_socket_duration", "tcp_sockets",
                "tcp_reads", "data_received"}) {
            assertThat(run.samples(metric)).as(metric).hasSize(1);
            assertThat(run.samples(metric).getFirst().tags().asMap()).as(metric).containsAllEntriesOf(socketTags);
        }
        for (String metric : new String[] {"tcp_writes", "data_sent"}) {
            assertThat(run.samples(metric).getFirst().tags().asMap()).as(metric).containsAllEntriesOf(socketTags)
                    .containsEntry("op", "ping");
        }
        // resolving happens before the address is known: every tag but ip
        assertThat(run.samples("tcp_socket_resolving").getFirst().tags().asMap()).doesNotContainKey("ip")
                .containsEntry("host", "localhost").containsEntry("proto", "TCP");
        assertThat(run.sum("tcp_sockets")).isEqualTo(1);
        assertThat(run.sum("tcp_writes")).isEqualTo(1);
        assertThat(run.sum("tcp_reads")).isEqualTo(1);
        assertThat(run.sum("data_sent")).isEqualTo(4);
        assertThat(run.sum("data_received")).isEqualTo(4);
        assertThat(run.samples("tcp_errors")).isEmpty();
        assertThat(run.samples("tcp_timeouts")).isEmpty();
        assertThat(run.samples("tcp_partial_writes")).isEmpty();
        assertThat(run.values("tcp_socket_duration").getFirst()).isGreaterThan(0);
    }

    @Test
    void theMetricsHaveXk6TcpsTypes() {
        ScriptRun run = kit.run("""
                import { Socket } from 'k6/x/tcp';
                export default async function () {
                    const socket = new Socket();
                    socket.on('error', () => {});
                    await socket.connect(1, '127.0.0.1').catch(() => {});      // refused: tcp_errors
                    await socket.connect(Number(__ENV.ECHO), '127.0.0.1');
                    const closed = new Promise((resolve) => socket.on('close', resolve));
                    const echoed = new Promise((resolve) => socket.on('data', resolve));
                    await socket.write('x');
                    await echoed;
                    socket.on('timeout', () => socket.destroy());
                    socket.setTimeout(1);
                    await closed;
                }
                """);

        assertThat(run.errors()).isEmpty();
        Map<String, MetricType> types = Map.ofEntries(
                Map.entry("tcp_socket_resolving", MetricType.TREND), Map.entry("tcp_socket_connecting", MetricType.TREND),
                Map.entry("tcp_socket_duration", MetricType.TREND), Map.entry("tcp_sockets", MetricType.COUNTER),
                Map.entry("tcp_reads", MetricType.COUNTER), Map.entry("tcp_writes", MetricType.COUNTER),
                Map.entry("tcp_errors", MetricType.COUNTER), Map.entry("tcp_timeouts", MetricType.COUNTER),
                Map.entry("data_sent", MetricType.COUNTER), Map.entry("data_received", MetricType.COUNTER));
        types.forEach((name, type) -> {
            assertThat(run.samples(name)).as(name).isNotEmpty();
            Sample sample = run.samples(name).getFirst();
            assertThat(sample.metric().type()).as(name).isEqualTo(type);
            ValueType expected = name.startsWith("data_") ? ValueType.DATA
                    : type == MetricType.TREND ? ValueType.TIME : ValueType.DEFAULT;
            assertThat(sample.metric().valueType()).as(name).isEqualTo(expected);
        });
    }
}
