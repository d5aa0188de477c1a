package dev.k6j.modules.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import org.junit.jupiter.api.Test;

/** invoke, asyncInvoke, metadata, deadlines, health checks and the errors scripts can catch, through the CLI. */
class UnaryCallsTest {

    @Test
    void unaryCallsBehaveAsInK6() {
        CliRun run = GrpcTestbedFixture.run("unary.js");

        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).contains("✓ invoke: status OK", "✓ errors: load outside init",
                "✓ close: no connection afterwards");
    }
}
