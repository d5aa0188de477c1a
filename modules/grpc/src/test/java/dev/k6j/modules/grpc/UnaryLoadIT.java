package dev.k6j.modules.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * 50 VUs for 15 s of unary calls against the testbed finish with every call OK and no script error. It asserts no
 * timings (benchmarks/grpc.sh measures); it prints the rate it saw for whoever reads the test log.
 */
class UnaryLoadIT {

    @Test
    void fiftyVusForFifteenSecondsMakeNoErrors() {
        CliRun run = GrpcTestbedFixture.run("load.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).contains("✓ checks").doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.stderr()).as(run.all()).doesNotContain("ERRO[").doesNotContain("level=error");
        Matcher iterations = Pattern.compile("iterations\\.+: (\\d+)\\s+([\\d.]+)/s").matcher(run.stdout());
        assertThat(iterations.find()).as(run.all()).isTrue();
        assertThat(Long.parseLong(iterations.group(1))).isPositive();
        System.out.println("grpc unary load: " + iterations.group(1) + " calls, " + iterations.group(2) + "/s");
    }
}
