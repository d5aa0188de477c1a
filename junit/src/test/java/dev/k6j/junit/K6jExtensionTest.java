package dev.k6j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.sun.net.httpserver.HttpServer;
import dev.k6j.engine.embedded.TestResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/**
 * Runs test classes that use {@link K6jTest} through the JUnit platform, as a build would, and checks which pass and
 * how the others fail. The classes below are fixtures: surefire does not run nested classes by itself.
 */
class K6jExtensionTest {

    @Test
    void aScriptWhoseThresholdsHoldPassesAndItsResultReachesTheMethod() {
        Events tests = run(Passing.class);

        tests.assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(Passing.seen.exitCode()).isZero();
        assertThat(Passing.seen.metric("work_time").percentile(95)).isEqualTo(20);
        assertThat(Passing.seen.check("greeting is set").passes()).isEqualTo(4);
    }

    @Test
    void crossedThresholdsFailTheTestWithEachThresholdAndItsObservedValue() {
        Events tests = run(CrossedThresholds.class);

        tests.assertThatEvents().haveExactly(1, event(test("crossed"), finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message("k6j: src/test/k6/crossed.js crossed 2 thresholds (exit code 99):\n"
                        + "  work_time: p(95)<200, observed p(95)=250ms\n"
                        + "  checks: rate>0.9, observed rate=0.5"))));
        assertThat(CrossedThresholds.bodyRan).isFalse();
    }

    @Test
    void withFailOnThresholdsOffTheMethodJudgesTheResultItself() {
        Events tests = run(JudgedByTheMethod.class);

        tests.assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(JudgedByTheMethod.seen.crossedThresholds()).hasSize(2);
    }

    @Test
    void aScriptErrorFailsTheTestWithTheScriptsFileAndLine() {
        Events tests = run(ScriptError.class);

        tests.assertThatEvents().haveExactly(1, event(test("broken"), finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message(m -> m.startsWith("k6j: src/test/k6/broken.js failed (exit code 107, script exception): ")
                        && m.contains("broken.js:3")))));
    }

    @Test
    void envSuppliersOfARegisteredExtensionReachTheScriptOnceForEachTest() {
        Events tests = run(WithServer.class);

        tests.assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(WithServer.requests.get()).isEqualTo(6);
    }

    @Test
    void extensionsOnTheTestClassPathAreThereForScripts() {
        Events tests = run(WithExtension.class);

        tests.assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void placeholdersReadSystemPropertiesAndAMissingOneIsNamed() {
        System.setProperty("k6j.junit.test.greeting", "hej");
        try {
            assertThat(Placeholders.resolve("GREETING=${k6j.junit.test.greeting}!")).isEqualTo("GREETING=hej!");
        } finally {
            System.clearProperty("k6j.junit.test.greeting");
        }
        Events tests = run(MissingPlaceholder.class);
        tests.assertThatEvents().haveExactly(1, event(test("missing"), finishedWithFailure(
                message(m -> m.contains("${k6j.no.such.property}")))));
    }

    @Test
    void k6jRunReturnsTheResultAndAssertPassedThrowsItsMessage() {
        TestResult passing = K6j.run(java.nio.file.Path.of("src/test/k6/checks.js"), run -> run.env("GREETING", "hi"));
        K6j.assertPassed(passing);
        TestResult crossed = K6j.run(java.nio.file.Path.of("src/test/k6/crossed.js"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> K6j.assertPassed(crossed))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("observed p(95)=250ms");
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    static class Passing {
        static TestResult seen;

        @K6jTest(value = "src/test/k6/checks.js", env = "GREETING=hello")
        void passes() {
        }

        @K6jTest(value = "src/test/k6/checks.js", options = "iterations=4")
        void receivesTheResult(TestResult result) {
            seen = result;
        }
    }

    static class CrossedThresholds {
        static boolean bodyRan;

        @K6jTest("src/test/k6/crossed.js")
        void crossed() {
            bodyRan = true;
        }
    }

    static class JudgedByTheMethod {
        static TestResult seen;

        @K6jTest(value = "src/test/k6/crossed.js", failOnThresholds = false)
        void judged(TestResult result) {
            seen = result;
            assertThat(result.exitCode()).isEqualTo(99);
        }
    }

    static class ScriptError {
        @K6jTest("src/test/k6/broken.js")
        void broken() {
        }
    }

    static class WithExtension {
        @K6jTest("src/test/k6/extension.js")
        void usesTheModule(TestResult result) {
            assertThat(result.check("the answer is 42").passes()).isEqualTo(2);
        }
    }

    static class MissingPlaceholder {
        @K6jTest(value = "src/test/k6/checks.js", env = "GREETING=${k6j.no.such.property}")
        void missing() {
        }
    }

    static class WithServer {
        static final AtomicInteger requests = new AtomicInteger();
        static HttpServer server;

        @RegisterExtension
        static final K6jExtension k6j = new K6jExtension()
                .env("BASE_URL", () -> "http://127.0.0.1:" + server.getAddress().getPort());

        @BeforeAll
        static void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/ping", exchange -> {
                requests.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        @AfterAll
        static void stop() {
            server.stop(0);
        }

        @K6jTest("src/test/k6/http.js")
        void first() {
        }

        @K6jTest("src/test/k6/http.js")
        void second(TestResult result) {
            assertThat(result.metric("http_reqs").count()).isEqualTo(3);
        }
    }
}
