package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against a real Prometheus: k6j runs a script with {@code --out experimental-prometheus-rw}, then the
 * test asks Prometheus' HTTP API for every series and compares it with the end-of-test summary
 * ({@code --summary-export}) of the same run. Each run has its own {@code testid} tag.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PrometheusRemoteWriteIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATS = "count,sum,min,max,avg,med,p(90),p(95),p(99)";

    @TempDir
    static Path prometheusDir;
    private static PrometheusServer prometheus;

    @TempDir
    Path work;

    @BeforeAll
    static void startPrometheus() throws Exception {
        prometheus = PrometheusServer.start(prometheusDir);
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void countersRatesGaugesAndTrendStatsInPrometheusEqualTheSummary() throws Exception {
        String testId = UUID.randomUUID().toString();
        Run run = run(testId, "url=" + prometheus.writeUrl() + ",pushInterval=1s", List.of());

        assertThat(run.cli().exitCode()).as(run.cli().all()).isZero();
        assertThat(run.log()).contains("level=info").contains("experimental-prometheus-rw: pushed").contains("none dropped");
        assertSeriesEqualSummary(testId, run.summary());
    }

    @Test
    void aTenSecondOutageLosesNoFinalValueAndIsReported() throws Exception {
        String testId = UUID.randomUUID().toString();
        CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> {
            try {
                awaitFirstPush(testId);
                prometheus.suspend();
                Thread.sleep(10_000);
                prometheus.resume();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long began = System.nanoTime();
        Run run = run(testId, "url=" + prometheus.writeUrl() + ",pushInterval=1s",
                List.of("-e", "DURATION=16s", "-e", "SLEEP=0.1"));
        outage.get(30, TimeUnit.SECONDS);

        assertThat(run.cli().exitCode()).as(run.cli().all()).isZero();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began)).isLessThan(30);
        assertThat(run.log())
                .contains("level=warning msg=\"could not push")
                .contains("pushes to " + prometheus.writeUrl() + " work again")
                .containsPattern("experimental-prometheus-rw: pushed [0-9,]+ samples of [0-9,]+ series in [0-9,]+"
                        + " requests to " + prometheus.writeUrl().replace(".", "\\.") + " .*; dropped [0-9,]+ samples:"
                        + " [0-9,]+ replaced by newer values while pushes failed \\([0-9,]+ failed; last: ");
        assertSeriesEqualSummary(testId, run.summary());
    }

    @Test
    void everyQueryOfTheGrafanaDashboardIsValidPromQLAndFindsTheRun() throws Exception {
        String testId = UUID.randomUUID().toString();
        Run run = run(testId, "url=" + prometheus.writeUrl() + ",pushInterval=1s", List.of("-e", "SLEEP=0"));
        assertThat(run.cli().exitCode()).as(run.cli().all()).isZero();
        JsonNode dashboard = JSON.readTree(Path.of("../../docs/outputs/k6j-prometheus-dashboard.json").toFile());

        List<String> queries = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> queries.add(expr.asText()));
        dashboard.at("/templating/list").forEach(variable -> {
            if (variable.has("definition")) {
                queries.add(variable.get("definition").asText()
                        .replaceFirst("^label_values\\((.*), \\w+\\)$", "$1").replaceFirst("^label_values\\((.*)\\)$", "$1"));
            }
        });
        assertThat(queries).hasSizeGreaterThan(20);
        for (String query : queries) {
            String promql = query.replace("$testid", testId).replace("$scenario", "default")
                    .replace("$__rate_interval", "1m");
            prometheus.query(promql); // fails the test on anything but a successful answer
        }
        // the run shows up in the testid variable and the checks table
        assertThat(prometheus.query("k6_iterations_total{testid=\"" + testId + "\"}")).hasSize(1);
        assertThat(prometheus.query("k6_checks_rate{testid=~\"" + testId + "\", scenario=~\"default\"}")).hasSize(1);
    }

    private void assertSeriesEqualSummary(String testId, JsonNode metrics) throws Exception {
        String tag = "{testid=\"" + testId + "\"}";
        assertThat(prometheus.single("k6_my_counter_total" + tag)).isEqualTo(metrics.at("/my_counter/count").asDouble());
        assertThat(prometheus.single("k6_iterations_total" + tag)).isEqualTo(metrics.at("/iterations/count").asDouble());
        assertThat(prometheus.single("k6_my_gauge" + tag)).isEqualTo(metrics.at("/my_gauge/value").asDouble());
        assertThat(prometheus.single("k6_my_rate_rate" + tag)).isEqualTo(metrics.at("/my_rate/value").asDouble());
        assertThat(prometheus.single("k6_checks_rate" + tag)).isEqualTo(metrics.at("/checks/value").asDouble());
        for (String trend : List.of("my_trend", "iteration_duration")) {
            assertTrend(trend, tag, metrics.get(trend), 1000);
        }
        assertTrend("my_plain_trend", tag, metrics.get("my_plain_trend"), 1);
    }

    /** Each stat in seconds for a time trend ({@code divisor} 1000), as it is for others; the count as it is. */
    private void assertTrend(String name, String tag, JsonNode summary, double divisor) throws Exception {
        assertThat(summary).as(name + " in the summary").isNotNull();
        double count = summary.get("count").asDouble();
        assertThat(prometheus.single("k6_" + name + "_count" + tag)).as(name + " count").isEqualTo(count);
        for (String stat : List.of("avg", "min", "med", "max", "p(90)", "p(95)", "p(99)")) {
            String suffix = stat.replace("(", "").replace(")", "");
            double expected = summary.get(stat).asDouble() / divisor;
            assertThat(prometheus.single("k6_" + name + "_" + suffix + tag)).as(name + " " + stat)
                    .isCloseTo(expected, within(Math.abs(expected) * 1e-12));
        }
        double sum = summary.get("avg").asDouble() * count / divisor;
        assertThat(prometheus.single("k6_" + name + "_sum" + tag)).as(name + " sum")
                .isCloseTo(sum, within(Math.abs(sum) * 1e-9));
    }

    private void awaitFirstPush(String testId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!prometheus.query("k6_iterations_total{testid=\"" + testId + "\"}").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("nothing arrived in Prometheus within 20 s:\n" + prometheus.logTail());
    }

    private Run run(String testId, String outArgument, List<String> extra) throws Exception {
        Path config = work.resolve("config.json");
        Files.writeString(config, "{\"collectors\": {\"experimental-prometheus-rw\": {\"trendStats\": "
                + JSON.writeValueAsString(List.of(STATS.split(","))) + "}}}");
        Path summary = work.resolve("summary.json");
        List<String> args = new ArrayList<>(List.of("run", "-q", "--config", config.toString(),
                "--out", "experimental-prometheus-rw=" + outArgument, "--tag", "testid=" + testId,
                "--summary-export", summary.toString(),
                "--summary-trend-stats", "avg,min,med,max,p(90),p(95),p(99),count"));
        args.addAll(extra);
        args.add("metrics.js");
        CliRun cli = CliRun.of(args.toArray(String[]::new));
        String log = cli.stderr(); // the output logs through the run's console, as a user sees it
        System.out.println(log); // in the test report: what the output said
        JsonNode metrics = Files.exists(summary) ? JSON.readTree(summary.toFile()).get("metrics") : null;
        return new Run(cli, log, metrics);
    }

    /** One k6j run: the CLI's exit and streams, what the output logged, the summary export's metrics. */
    private record Run(CliRun cli, String log, JsonNode summary) {
    }
}
