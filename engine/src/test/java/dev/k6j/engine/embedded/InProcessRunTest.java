package dev.k6j.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real scripts in this JVM through the public in-process API and reads their typed results. */
class InProcessRunTest {

    private static final Path SCRIPTS = Path.of("src/test/resources/scripts");
    /** Threads that belong to one run and must be gone when it returns. */
    private static final Set<String> PER_RUN_THREADS = Set.of("k6j-timers", "k6j-metrics-ingester", "k6j-ticker",
            "k6j-vu-", "k6j-scenario-", "k6j-setup", "k6j-teardown", "k6j-vu-init-");

    private static HttpServer server;
    private static final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", exchange -> {
            requests.incrementAndGet();
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static InProcessRun quietRun(String script) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return InProcessRun.of(SCRIPTS.resolve(script)).stdout(sink).stderr(sink);
    }

    @Test
    void passingRunHasItsMetricsChecksAndThresholds() {
        TestResult result = quietRun("embedded/http-checks.js").env("BASE_URL", baseUrl()).run();

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.error()).isNull();
        assertThat(result.failureMessage()).isEmpty();
        assertThat(result.metric("http_reqs").count()).isEqualTo(6);
        assertThat(result.metric("iterations").count()).isEqualTo(6);
        assertThat(result.metric("http_req_duration").percentile(95)).isPositive();
        assertThat(result.metric("http_req_duration").contains()).isEqualTo("time");
        assertThat(result.check("status is 200")).extracting(CheckResult::passes, CheckResult::fails)
                .containsExactly(6L, 0L);
        assertThat(result.thresholds()).extracting(ThresholdOutcome::metric, ThresholdOutcome::expression,
                        ThresholdOutcome::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http_req_failed", "rate<0.01", true),
                        org.assertj.core.groups.Tuple.tuple("checks", "rate==1", true));
        assertThat(result.thresholds().get(0).observed()).hasValue(0.0);
        assertThat(result.textSummary()).contains("http_reqs", "✓ status is 200");
        assertThat(result.summaryJson()).contains("\"http_req_duration\"", "\"root_group\"");
    }

    @Test
    void crossedThresholdsGiveExitCode99AndTheirObservedValues() {
        TestResult result = quietRun("thresholds-fail.js").run();

        assertThat(result.exitCode()).isEqualTo(99);
        assertThat(result.crossedThresholds()).singleElement().satisfies(t -> {
            assertThat(t.metric()).isEqualTo("waiting_time");
            assertThat(t.expression()).isEqualTo("p(95)<10");
            assertThat(t.observed()).hasValue(50.0);
        });
        assertThat(result.failureMessage()).hasValue("k6j: " + SCRIPTS.resolve("thresholds-fail.js")
                + " crossed 1 threshold (exit code 99):\n  waiting_time: p(95)<10, observed p(95)=50");
    }

    @Test
    void scriptErrorGivesExitCode107WithTheFileAndLine() {
        TestResult result = quietRun("init-error.js").run();

        assertThat(result.exitCode()).isEqualTo(107);
        assertThat(result.error()).contains("init-error.js:1");
        assertThat(result.metrics()).isEmpty();
        assertThat(result.failureMessage()).get().asString()
                .startsWith("k6j: " + SCRIPTS.resolve("init-error.js") + " failed (exit code 107, script exception): ")
                .contains("init-error.js:1");
        assertThatThrownBy(() -> result.metric("http_reqs")).hasMessageContaining("ended before its summary");
    }

    @Test
    void optionsWrittenAsTextAreTypedAndOverrideTheScript(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("plain.js"),
                "export const options = { iterations: 1 };\nexport default function () {}\n");

        TestResult result = InProcessRun.of(script).stdout(new PrintStream(new ByteArrayOutputStream()))
                .options(List.of("iterations=4", "vus=2", "thresholds={\"iterations\":[\"count==4\"]}"))
                .run();

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.metric("iterations").count()).isEqualTo(4);
        assertThat(result.thresholds()).singleElement().extracting(ThresholdOutcome::passed).isEqualTo(true);
        assertThatThrownBy(() -> InProcessRun.of(script).options(List.of("vus"))).hasMessageContaining("name=value");
    }

    @Test
    void runsOneAfterAnotherAndAtOnceInOneJvmLeaveNoThreadsBehind() {
        int before = requests.get();
        TestResult first = quietRun("embedded/http-checks.js").env("BASE_URL", baseUrl()).run();
        TestResult second = quietRun("embedded/http-checks.js").env("BASE_URL", baseUrl()).run();
        CompletableFuture<TestResult> third = CompletableFuture.supplyAsync(
                () -> quietRun("embedded/http-checks.js").env("BASE_URL", baseUrl()).run());
        TestResult fourth = quietRun("embedded/http-checks.js").env("BASE_URL", baseUrl()).run();

        assertThat(List.of(first, second, third.join(), fourth)).allSatisfy(result -> {
            assertThat(result.passed()).as(result.toString()).isTrue();
            assertThat(result.metric("http_reqs").count()).isEqualTo(6);
        });
        assertThat(requests.get() - before).isEqualTo(24);
        assertThat(perRunThreadsLeft()).isEmpty();
    }

    /** Names of live threads that belong to a run; waits a little, since closed pools end their threads soon after. */
    private static List<String> perRunThreadsLeft() {
        List<String> left = List.of();
        for (int i = 0; i < 50; i++) {
            left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> PER_RUN_THREADS.stream().anyMatch(name::startsWith))
                    .collect(Collectors.toList());
            if (left.isEmpty()) {
                return left;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
        }
        return left;
    }
}
