package dev.k6j.engine.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples of the batteries-included modules run as they are, with every check passing. */
class BatteriesExamplesTest {

    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"crypto-hashes.js", "crypto-webcrypto.js", "html-parse.js", "csv-and-fs.js", "streams.js"})
    void exampleRunsAndPasses(String script) {
        CliRun run = CliRun.of("run", "-q", EXAMPLES.resolve(script).toString());
        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secrets.js"})
    void secretsExampleRedactsItsToken(String script) {
        CliRun run = CliRun.of("run", "-q", "--secret-source=file=" + EXAMPLES.resolve("data/secrets.txt"),
                EXAMPLES.resolve(script).toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("Bearer ***SECRET_REDACTED***").doesNotContain("tok-0123456789");
    }
}
