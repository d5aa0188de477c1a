package dev.k6j.engine.output.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples and expected lines of k6's own {@code output/json/json_test.go}. */
class JsonOutputTest {

    private static final long T1 = 1614173830L * 1_000_000_000L; // 2021-02-24T13:37:10Z
    private static final long T2 = T1 + 10_000_000_000L;
    private static final long T3 = T2 + 10_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Metric METRIC1 = new Metric("my_metric1", MetricType.GAUGE, ValueType.DEFAULT);
    private static final Metric METRIC2 = new Metric("my_metric2", MetricType.COUNTER, ValueType.DATA);

    private static final List<String> K6_EXPECTED = List.of(
            "{\"type\":\"Metric\",\"data\":{\"name\":\"my_metric1\",\"type\":\"gauge\",\"contains\":\"default\","
                    + "\"thresholds\":[\"rate<0.01\",\"p(99)<250\"],\"submetrics\":[{\"name\":\"my_metric1{a:1,b:2}\","
                    + "\"suffix\":\"a:1,b:2\",\"tags\":{\"a\":\"1\",\"b\":\"2\"}}]},\"metric\":\"my_metric1\"}",
            "{\"metric\":\"my_metric1\",\"type\":\"Point\",\"data\":{\"time\":\"2021-02-24T13:37:10Z\",\"value\":1,"
                    + "\"tags\":{\"tag1\":\"val1\"},\"metadata\":{\"meta1\":\"foo\",\"meta2\":\"bar\"}}}",
            "{\"metric\":\"my_metric1\",\"type\":\"Point\",\"data\":{\"time\":\"2021-02-24T13:37:10Z\",\"value\":2,"
                    + "\"tags\":{\"tag2\":\"val2\"}}}",
            "{\"type\":\"Metric\",\"data\":{\"name\":\"my_metric2\",\"type\":\"counter\",\"contains\":\"data\","
                    + "\"thresholds\":[],\"submetrics\":null},\"metric\":\"my_metric2\"}",
            "{\"metric\":\"my_metric2\",\"type\":\"Point\",\"data\":{\"time\":\"2021-02-24T13:37:20Z\",\"value\":3,"
                    + "\"tags\":{\"key\":\"val\"}}}",
            "{\"metric\":\"my_metric1\",\"type\":\"Point\",\"data\":{\"time\":\"2021-02-24T13:37:20Z\",\"value\":4,"
                    + "\"tags\":{\"key\":\"val\"}}}",
            "{\"metric\":\"my_metric2\",\"type\":\"Point\",\"data\":{\"time\":\"2021-02-24T13:37:30Z\",\"value\":5,"
                    + "\"tags\":{\"tag3\":\"val3\",\"tag4\":\"val4\"},\"metadata\":{\"meta3\":\"metaval3\"}}}");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @Test
    void writesK6sLinesToAFile() throws Exception {
        run("results.json", ZoneOffset.UTC);

        assertThat(Files.readAllLines(dir.resolve("results.json"))).containsExactlyElementsOf(K6_EXPECTED);
        assertThat(stdout.size()).isZero();
    }

    @Test
    void gzipsWhenTheNameEndsInGz() throws Exception {
        run("results.gz", ZoneOffset.UTC);

        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("results.gz")))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()).containsExactlyElementsOf(K6_EXPECTED);
        }
    }

    @Test
    void writesToStdoutWithoutAFileNameOrWithDash() throws Exception {
        for (String argument : List.of("", "-")) {
            stdout.reset();
            JsonOutput output = run(argument, ZoneOffset.UTC);

            assertThat(stdout.toString(StandardCharsets.UTF_8).lines()).as(argument).containsExactlyElementsOf(K6_EXPECTED);
            assertThat(output.description()).isEqualTo("json(stdout)");
        }
    }

    @Test
    void describesItsFile() {
        assertThat(newOutput("results.json", ZoneOffset.UTC).description()).isEqualTo("json (results.json)");
    }

    @Test
    void everyLineParsesAndEachMetricIsDeclaredOnceBeforeItsPoints() throws Exception {
        JsonOutput output = newOutput("many.json", ZoneOffset.UTC);
        output.start();
        List<Sample> all = new ArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                Metric metric = new Metric("metric_" + (i % 7), MetricType.TREND, ValueType.TIME);
                samples.add(new Sample(metric, T1 + i, i * 1.5, TagSet.of("vu", String.valueOf(batch)), TagSet.EMPTY));
            }
            output.addMetricSamples(samples);
            all.addAll(samples);
        }
        output.stop();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("many.json"))) {
            lines.add(JSON.readTree(line));
        }
        Map<String, Integer> declaredAt = new LinkedHashMap<>();
        int points = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String metric = line.get("metric").asText();
            if (line.get("type").asText().equals("Metric")) {
                assertThat(declaredAt.put(metric, i)).as("declared once: " + metric).isNull();
                assertThat(line.at("/data/type").asText()).isEqualTo("trend");
                assertThat(line.at("/data/contains").asText()).isEqualTo("time");
            } else {
                assertThat(line.get("type").asText()).isEqualTo("Point");
                assertThat(declaredAt).as("declared before its points").containsKey(metric);
                points++;
            }
        }
        assertThat(declaredAt).hasSize(7);
        assertThat(points).isEqualTo(all.size());
    }

    @Test
    void writesTimesWithNanosecondsInTheLocalZoneAsGoDoes() throws Exception {
        JsonOutput output = newOutput("zone.json", ZoneOffset.ofHours(2));
        output.start();
        long time = 1494333285L * 1_000_000_000L + 625742514L;
        output.addMetricSamples(List.of(new Sample(METRIC1, time, 459.865729, TagSet.EMPTY, TagSet.EMPTY)));
        output.stop();

        assertThat(Files.readAllLines(dir.resolve("zone.json")).get(1)).isEqualTo(
                "{\"metric\":\"my_metric1\",\"type\":\"Point\",\"data\":{\"time\":\"2017-05-09T14:34:45.625742514+02:00\","
                        + "\"value\":459.865729,\"tags\":{}}}");
    }

    @Test
    void escapesTagsAsK6Does() throws Exception {
        JsonOutput output = newOutput("escape.json", ZoneOffset.UTC);
        output.start();
        output.addMetricSamples(List.of(new Sample(METRIC1, T1, 1e6,
                TagSet.of("url", "http://x/?a=1&b=\"2\""), TagSet.EMPTY)));
        output.stop();

        String point = Files.readAllLines(dir.resolve("escape.json")).get(1);
        assertThat(point).contains("\"value\":1e+06").contains("\"url\":\"http://x/?a=1\\u0026b=\\\"2\\\"\"");
        assertThat(JSON.readTree(point).at("/data/tags/url").asText()).isEqualTo("http://x/?a=1&b=\"2\"");
    }

    @Test
    void aFileThatCannotBeOpenedIsAnErrorNamingIt() {
        JsonOutput output = newOutput("no/such/folder/results.json", ZoneOffset.UTC);

        assertThatThrownBy(output::start)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot write results to 'no/such/folder/results.json'")
                .hasMessageContaining("does not exist");
    }

    @Test
    void thresholdsMayContainHtmlCharactersUnescaped() throws Exception {
        JsonOutput output = newOutput("thresholds.json", ZoneOffset.UTC);
        output.setThresholds(Map.of("http_req_duration", List.of("p(95)<500"),
                "http_req_duration{status:200}", List.of("avg<100")));
        output.start();
        Metric duration = new Metric("http_req_duration", MetricType.TREND, ValueType.TIME);
        output.addMetricSamples(List.of(duration.sample(12.5, TagSet.EMPTY)));
        output.stop();

        assertThat(Files.readAllLines(dir.resolve("thresholds.json")).getFirst()).isEqualTo(
                "{\"type\":\"Metric\",\"data\":{\"name\":\"http_req_duration\",\"type\":\"trend\",\"contains\":\"time\","
                        + "\"thresholds\":[\"p(95)<500\"],\"submetrics\":[{\"name\":\"http_req_duration{status:200}\","
                        + "\"suffix\":\"status:200\",\"tags\":{\"status\":\"200\"}}]},\"metric\":\"http_req_duration\"}");
    }

    private JsonOutput run(String argument, ZoneId zone) throws IOException {
        JsonOutput output = newOutput(argument, zone);
        Map<String, List<String>> thresholds = new LinkedHashMap<>();
        thresholds.put("my_metric1", List.of("rate<0.01", "p(99)<250"));
        thresholds.put("my_metric1{a:1,b:2}", List.of("count>0"));
        output.setThresholds(thresholds);
        output.start();
        List<Sample> samples = k6Samples();
        output.addMetricSamples(samples.subList(0, 2));
        output.addMetricSamples(samples.subList(2, samples.size()));
        output.stop();
        return output;
    }

    private JsonOutput newOutput(String argument, ZoneId zone) {
        return new JsonOutput(new JsonConfig(argument, JsonConfig.FLUSH_PERIOD), dir,
                new PrintStream(stdout, true, StandardCharsets.UTF_8), zone);
    }

    private static List<Sample> k6Samples() {
        TagSet connTags = TagSet.of("key", "val");
        return List.of(
                new Sample(METRIC1, T1, 1, TagSet.of("tag1", "val1"), TagSet.of(Map.of("meta1", "foo", "meta2", "bar"))),
                new Sample(METRIC1, T1, 2, TagSet.of("tag2", "val2"), TagSet.EMPTY),
                new Sample(METRIC2, T2, 3, connTags, TagSet.EMPTY),
                new Sample(METRIC1, T2, 4, connTags, TagSet.EMPTY),
                new Sample(METRIC2, T3, 5, TagSet.of("tag3", "val3").with("tag4", "val4"), TagSet.of("meta3", "metaval3")));
    }
}
