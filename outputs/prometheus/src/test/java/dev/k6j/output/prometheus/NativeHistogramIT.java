package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.cli.CliRun;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trends as native histograms, and staleness markers, against a real Prometheus started with
 * {@code --enable-feature=native-histograms}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NativeHistogramIT {

    @TempDir
    Path dir;

    @Test
    void trendsArriveAsNativeHistogramsAndEverySeriesEndsStale() throws Exception {
        String testId = UUID.randomUUID().toString();
        String tag = "{testid=\"" + testId + "\"}";
        try (PrometheusServer prometheus = PrometheusServer.start(dir, "--enable-feature=native-histograms")) {
            Path summary = dir.resolve("summary.json");
            CliRun run = CliRun.of("run", "-q", "--out", "experimental-prometheus-rw=url=" + prometheus.writeUrl()
                            + ",pushInterval=1s,trendAsNativeHistogram=true,staleMarkers=true",
                    "--tag", "testid=" + testId, "--summary-export", summary.toString(),
                    "--summary-trend-stats", "avg,med,count", "metrics.js");
            System.out.println(run.stderr()); // what the output said, through the run's console
            assertThat(run.exitCode()).as(run.all()).isZero();
            JsonNode metrics = new ObjectMapper().readTree(summary.toFile()).get("metrics");

            // stale: an instant query finds nothing now, but the last minute holds the data
            assertThat(prometheus.query("k6_iterations_total" + tag)).isEmpty();
            assertThat(prometheus.query("histogram_count(k6_my_trend_seconds" + tag + ")")).isEmpty();
            // so ask as of each series' last point (Prometheus 2.42's last_over_time does not read histograms)
            double iterationsAt = prometheus.lastSampleTime("k6_iterations_total" + tag);
            assertThat(prometheus.single("k6_iterations_total" + tag, iterationsAt))
                    .isEqualTo(metrics.at("/iterations/count").asDouble());
            String histogram = "k6_my_trend_seconds" + tag;
            double at = prometheus.lastSampleTime(histogram);
            double count = metrics.at("/my_trend/count").asDouble();
            double sumSeconds = metrics.at("/my_trend/avg").asDouble() * count / 1000;
            assertThat(prometheus.single("histogram_count(" + histogram + ")", at)).isEqualTo(count);
            assertThat(prometheus.single("histogram_sum(" + histogram + ")", at)).isCloseTo(sumSeconds,
                    within(sumSeconds * 1e-9));
            // schema 3 buckets are 9% wide: the median estimate lands within about one of the exact median
            double median = metrics.at("/my_trend/med").asDouble() / 1000;
            assertThat(prometheus.single("histogram_quantile(0.5, " + histogram + ")", at))
                    .isCloseTo(median, within(median * 0.1));
            String plain = "k6_my_plain_trend" + tag;
            assertThat(prometheus.single("histogram_count(" + plain + ")", prometheus.lastSampleTime(plain)))
                    .isEqualTo(metrics.at("/my_plain_trend/count").asDouble());
            assertThat(run.stderr()).contains("none dropped");
        }
    }
}
