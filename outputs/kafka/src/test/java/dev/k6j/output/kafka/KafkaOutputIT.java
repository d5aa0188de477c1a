package dev.k6j.output.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.k6j.output.kafka.Records.InfluxLine;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against a real broker: k6j runs a script with {@code --out kafka} (and {@code --out json} beside it),
 * then the test reads the whole topic back and compares it with the json output's lines and the end-of-test summary.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaOutputIT {

    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @TempDir
    Path work;

    @Test
    void jsonRecordsAreExactlyTheJsonOutputsPointLinesAndCountAsTheSummary() throws Exception {
        String topic = KAFKA.createTopic(3);
        KafkaRun run = KafkaRun.of(work, "brokers={" + KAFKA.bootstrapServers() + "},topic=" + topic
                + ",format=json,pushInterval=200ms");

        assertThat(run.cli().exitCode()).as(run.cli().all()).isZero();
        List<String> records = KAFKA.records(topic);
        records.forEach(Records::json); // each parses as one JSON object
        assertThat(records).as("every sample, byte for byte as k6's JSON output writes it")
                .containsExactlyInAnyOrderElementsOf(run.points());
        assertThat(run.closingCounts()).containsExactly(records.size(), records.size(), 0);
        List<JsonNode> points = records.stream().map(Records::json).toList();
        assertCountsEqualSummary(run.summary(), points.stream()
                .map(p -> new Sampled(p.get("metric").asText(), p.at("/data/value").asDouble())).toList());
        assertThat(records).anySatisfy(r -> assertThat(r).contains("\"page name\":\"list, sorted=yes"
                + " \\\"\\u003c\\u0026\\u003e\\\"\""));
    }

    @Test
    void influxRecordsAreLineProtocolWithTheSameSamplesAndCountAsTheSummary() throws Exception {
        String topic = KAFKA.createTopic(1);
        KafkaRun run = KafkaRun.of(work, "brokers=" + KAFKA.bootstrapServers() + ",topic=" + topic
                + ",format=influxdb,influxdb.tagsAsFields={vu:int,iter:int,group},pushInterval=200ms",
                "--system-tags", "check,group,scenario,vu,iter");

        assertThat(run.cli().exitCode()).as(run.cli().all()).isZero();
        List<InfluxLine> lines = KAFKA.records(topic).stream().map(Records::influx).toList();
        assertThat(lines).hasSameSizeAs(run.points());
        assertThat(lines.stream().map(l -> l.measurement() + " " + l.value() + " " + l.timeNanos()).toList())
                .as("the same samples as the json output's, by metric, value and time")
                .containsExactlyInAnyOrderElementsOf(run.points().stream().map(Records::json)
                        .map(p -> p.get("metric").asText() + " " + p.at("/data/value").asDouble() + " "
                                + epochNanos(p.at("/data/time").asText())).toList());
        assertThat(run.closingCounts()).containsExactly(lines.size(), lines.size(), 0);
        InfluxLine order = lines.stream().filter(l -> l.measurement().equals("orders")).findFirst().orElseThrow();
        assertThat(order.tags()).containsEntry("page name", "list, sorted=yes \"<&>\"").containsEntry("scenario",
                "default").doesNotContainKeys("group", "vu", "iter");
        assertThat(order.fields()).containsEntry("group", "\"::shop\"").containsKeys("vu", "iter");
        assertThat(order.fields().get("vu")).matches("\\d+i");
        assertCountsEqualSummary(run.summary(), lines.stream().map(l -> new Sampled(l.measurement(), l.value()))
                .toList());
    }

    /** The summary's counts and rates, recomputed from the records. */
    private static void assertCountsEqualSummary(JsonNode summary, List<Sampled> samples) {
        assertThat(count(samples, "iterations")).isEqualTo(summary.at("/iterations/count").asLong());
        assertThat(sum(samples, "orders")).isEqualTo(summary.at("/orders/count").asDouble());
        assertThat(count(samples, "wait_time")).isEqualTo(summary.at("/wait_time/count").asLong());
        double checks = samples.stream().filter(s -> s.metric().equals("checks")).mapToDouble(Sampled::value)
                .average().orElseThrow();
        assertThat(checks).isCloseTo(summary.at("/checks/value").asDouble(), within(1e-12));
        double hits = samples.stream().filter(s -> s.metric().equals("cache_hits")).mapToDouble(Sampled::value)
                .average().orElseThrow();
        assertThat(hits).isCloseTo(summary.at("/cache_hits/value").asDouble(), within(1e-12));
    }

    private static long count(List<Sampled> samples, String metric) {
        return samples.stream().filter(s -> s.metric().equals(metric)).count();
    }

    private static double sum(List<Sampled> samples, String metric) {
        return samples.stream().filter(s -> s.metric().equals(metric)).mapToDouble(Sampled::value).sum();
    }

    private static long epochNanos(String rfc3339) {
        var instant = OffsetDateTime.parse(rfc3339).toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private record Sampled(String metric, double value) {
    }
}
