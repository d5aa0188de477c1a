package dev.k6j.modules.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import org.junit.jupiter.api.Test;

/** Server-, client- and bidirectional streams and the order of their events, through the CLI. */
class StreamsTest {

    @Test
    void streamsOfEveryKindDeliverTheirEventsInK6sOrder() {
        CliRun run = GrpcTestbedFixture.run("streaming.js");

        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).contains("✓ server stream: three messages in order",
                "✓ client stream: one summary after end", "✓ bidi: each write answered as it arrives",
                "✓ failing stream: data, error, status, end", "✓ stream deadline", "✓ stream errors: unknown method");
    }
}
