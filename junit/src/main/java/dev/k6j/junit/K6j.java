package dev.k6j.junit;

import dev.k6j.engine.embedded.InProcessRun;
import dev.k6j.engine.embedded.TestResult;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

/**
 * Runs k6 scripts from plain Java test code and checks their results.
 *
 * <pre>{@code
 * TestResult result = K6j.run(Path.of("src/test/k6/smoke.js"), run -> run
 *         .env("BASE_URL", server.url())
 *         .option("vus", 5));
 * K6j.assertPassed(result);                                   // the readable message if it did not
 * assertThat(result.metric("http_req_duration").percentile(95)).isLessThan(200);
 * }</pre>
 *
 * <p>Each run has its own engine, threads and metrics, closed when it returns; no REST API is started. See
 * {@link InProcessRun} for every setting and its default.
 */
public final class K6j {

    private K6j() {
    }

    /** Runs {@code script} with its own options and returns the result. */
    public static TestResult run(Path script) {
        return run(script, run -> { });
    }

    /** Runs {@code script} with the settings {@code settings} makes (env, options, outputs, …). */
    public static TestResult run(Path script, Consumer<InProcessRun> settings) {
        JdkCheck.require();
        InProcessRun run = InProcessRun.of(script);
        settings.accept(run);
        return run.run();
    }

    /** Fails with the run's failure message (crossed thresholds with their values, or the script error) unless it passed. */
    public static void assertPassed(TestResult result) {
        if (!result.passed()) {
            throw new AssertionFailedError(result.failureMessage().orElse("k6j: exit code " + result.exitCode()));
        }
    }
}
