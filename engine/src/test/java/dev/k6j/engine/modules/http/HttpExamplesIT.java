package dev.k6j.engine.modules.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.Testbed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@code examples/http-*.js} runs as it is against the testbed (only BASE and a shorter duration given). */
class HttpExamplesIT {

    private static Testbed testbed;

    @BeforeAll
    static void start() {
        testbed = Testbed.start();
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-get.js", "http-post.js", "http-batch.js", "http-cookies.js", "http-https.js",
            "http-async.js"})
    void exampleRunsAndItsChecksPass(String example) {
        Path script = Path.of("..", "examples", example).toAbsolutePath().normalize();
        List<String> args = new ArrayList<>(List.of("run", "-q", "-e", "BASE=" + testbed.httpUrl(),
                "-e", "HTTPS_BASE=" + testbed.httpsUrl()));
        if (example.equals("http-get.js")) {
            args.addAll(List.of("--duration", "2s"));
        }
        args.add(script.toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s*✗ ");
    }
}
