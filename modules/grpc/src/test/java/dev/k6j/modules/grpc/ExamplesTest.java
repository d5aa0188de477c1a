package dev.k6j.modules.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** examples/grpc-*.js run as they are against the testbed and pass their thresholds. */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();

    @Test
    void streamingAndReflectionExamplesPass() {
        for (String example : new String[] {"grpc-streaming.js", "grpc-reflection.js"}) {
            CliRun run = GrpcTestbedFixture.run(EXAMPLES.resolve(example).toString());

            assertThat(run.exitCode()).as(example + "\n" + run.all()).isZero();
            assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        }
    }

    @Test
    void unaryExamplePassesForAShortRun() {
        CliRun run = GrpcTestbedFixture.run(EXAMPLES.resolve("grpc-unary.js").toString(), "-d", "3s", "-u", "2");

        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.stdout()).as(run.all()).contains("✓ the server saw our metadata");
    }
}
