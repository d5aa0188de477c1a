package com.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.embedded.TestResult;
import dev.k6j.junit.K6j;
import dev.k6j.junit.K6jExtension;
import dev.k6j.junit.K6jTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The k6 smoke test as JUnit tests, against the service started in this JVM. */
class HelloLoadTest {

    private static HelloServer server;

    /** Hands the script the service's address, known only once it started. */
    @RegisterExtension
    static final K6jExtension k6j = new K6jExtension().env("BASE_URL", () -> server.url());

    @BeforeAll
    static void startServer() throws IOException {
        server = HelloServer.start(0, Duration.ZERO, 0);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** The build's own smoke test, shorter: fails with each crossed threshold if one is. */
    @K6jTest(value = "src/test/k6/smoke.js", options = "iterations=12")
    void smokeTestHoldsItsThresholds(TestResult result) {
        assertThat(result.metric("http_reqs").count()).isEqualTo(12);
        assertThat(result.check("greets by name").fails()).isZero();
    }

    /** The same script with a response-time budget, against an instance that needs longer: the budget is crossed. */
    @Test
    void aSlowServiceCrossesTheResponseTimeBudget() throws IOException {
        try (HelloServer slow = HelloServer.start(0, Duration.ofMillis(1200), 0)) {
            TestResult result = K6j.run(Path.of("src/test/k6/smoke.js"), run -> run
                    .env("BASE_URL", slow.url())
                    .option("iterations", 8)
                    .option("thresholds", Map.of("http_req_duration", List.of("p(95)<1000"))));

            assertThat(result.exitCode()).isEqualTo(TestResult.THRESHOLDS_CROSSED);
            assertThat(result.crossedThresholds()).singleElement().satisfies(threshold -> {
                assertThat(threshold.describe()).startsWith("http_req_duration: p(95)<1000, observed p(95)=");
                assertThat(threshold.observed().getAsDouble()).isGreaterThanOrEqualTo(1200);
            });
        }
    }
}
