package dev.k6j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs a k6 script in the test JVM and fails when the run does: crossed thresholds (one message listing
 * each with its observed value), a script error (with the script's {@code file:line}), invalid options.
 *
 * <pre>{@code
 * @K6jTest(value = "src/test/k6/smoke.js", env = "BASE_URL=${baseUrl}", options = {"vus=5", "duration=10s"})
 * void smoke() {
 * }
 *
 * @K6jTest(value = "src/test/k6/smoke.js", failOnThresholds = false)
 * void smokeResults(TestResult result) {          // the method runs after the script, with its result
 *     assertThat(result.metric("http_reqs").count()).isGreaterThan(10);
 * }
 * }</pre>
 *
 * <p>{@code ${name}} in {@link #env}, {@link #options} and {@link #out} is replaced by the system property
 * {@code name}, else the environment variable {@code name} (so a build can hand in a server's address); values
 * known only when the test runs come from a registered {@link K6jExtension#env(String, java.util.function.Supplier)}.
 * The script runs after the {@code @BeforeEach} methods, and the method body after the script.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(K6jExtension.class)
public @interface K6jTest {

    /** The script, relative to the working directory (the module's folder under Maven and Gradle). */
    String value();

    /** {@code __ENV} variables, {@code NAME=VALUE} each, as {@code k6 run -e}. */
    String[] env() default {};

    /**
     * Option overrides, {@code name=value} each, the value JSON when it reads as JSON: {@code vus=10},
     * {@code duration=30s}, {@code thresholds={"http_req_failed":["rate<0.01"]}}. They win over the script's options,
     * as CLI flags do.
     */
    String[] options() default {};

    /** Outputs, as {@code k6 run --out}: {@code json=target/k6j/smoke.json}. */
    String[] out() default {};

    /**
     * Whether crossed thresholds fail the test before its body runs (default). With false, the body runs and gets the
     * {@code TestResult} to judge; a script error still fails the test.
     */
    boolean failOnThresholds() default true;

    /** Whether to leave out the banner and the progress lines (default); the summary is printed either way. */
    boolean quiet() default true;
}
