package dev.k6j.engine.output.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases of k6's own {@code output/csv/output_test.go}, plus k6's default header. */
class CsvOutputTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Metric METRIC = new Metric("my_metric", MetricType.GAUGE, ValueType.DEFAULT);
    /** k6's test enables the error, check and vu system tags. */
    private static final CsvColumns ERROR_CHECK_VU = CsvColumns.forSystemTags(List.of("error", "check", "vu"));

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @Test
    void theDefaultHeaderIsK6s() throws Exception {
        CsvOutput output = newOutput("file.csv", CsvTimeFormat.UNIX, CsvColumns.DEFAULT);
        output.start();
        output.stop();

        assertThat(Files.readString(dir.resolve("file.csv"))).isEqualTo(
                "metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,"
                        + "scenario,service,status,subproto,tls_version,url,extra_tags,metadata\n");
    }

    @Test
    void rowsPutSystemTagsInColumnsAndTheRestInExtraTags() throws Exception {
        CsvOutput output = newOutput("test", CsvTimeFormat.UNIX, ERROR_CHECK_VU);
        output.start();
        output.addMetricSamples(List.of(
                new Sample(METRIC, 1562324643L * SECOND, 1,
                        TagSet.of(Map.of("check", "val1", "url", "val2", "error", "val3")), TagSet.EMPTY),
                new Sample(METRIC, 1562324644L * SECOND, 1,
                        TagSet.of(Map.of("check", "val1", "url", "val2", "error", "val3", "tag4", "val4", "vu", "1")),
                        TagSet.EMPTY)));
        output.stop();

        assertThat(Files.readString(dir.resolve("test"))).isEqualTo(
                "metric_name,timestamp,metric_value,check,error,extra_tags,metadata\n"
                        + "my_metric,1562324643,1.000000,val1,val3,url=val2,\n"
                        + "my_metric,1562324644,1.000000,val1,val3,tag4=val4&url=val2&vu=1,\n");
    }

    @Test
    void gzipsWhenTheNameEndsInGzAndWritesMetadata() throws Exception {
        CsvOutput output = newOutput("test.gz", CsvTimeFormat.UNIX, ERROR_CHECK_VU);
        output.start();
        output.addMetricSamples(List.of(
                new Sample(METRIC, 1562324643L * SECOND, 1,
                        TagSet.of(Map.of("check", "val1", "url", "val2", "error", "val3")), TagSet.of("y", "1")),
                new Sample(METRIC, 1562324644L * SECOND, 1,
                        TagSet.of(Map.of("check", "val1", "url", "val2", "error", "val3", "name", "val4")),
                        TagSet.EMPTY)));
        output.stop();

        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("test.gz")))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(
                    "metric_name,timestamp,metric_value,check,error,extra_tags,metadata\n"
                            + "my_metric,1562324643,1.000000,val1,val3,url=val2,y=1\n"
                            + "my_metric,1562324644,1.000000,val1,val3,name=val4&url=val2,\n");
        }
    }

    @Test
    void rfc3339TimestampsAndSeveralMetadataPairs() throws Exception {
        CsvOutput output = newOutput("test", CsvTimeFormat.RFC3339, ERROR_CHECK_VU);
        output.start();
        output.addMetricSamples(List.of(new Sample(METRIC, 1562324644L * SECOND, 1,
                TagSet.of(Map.of("check", "val1", "url", "val2", "error", "val3", "name", "val4")),
                TagSet.of(Map.of("y", "2", "z", "3")))));
        output.stop();

        assertThat(Files.readAllLines(dir.resolve("test")).get(1))
                .isEqualTo("my_metric,2019-07-05T11:04:04Z,1.000000,val1,val3,name=val4&url=val2,y=2&z=3");
    }

    @Test
    void quotesCellsAsGoEncodingCsvDoes() throws Exception {
        CsvOutput output = newOutput("quoted.csv", CsvTimeFormat.UNIX, CsvColumns.DEFAULT);
        output.start();
        output.addMetricSamples(List.of(new Sample(METRIC, 0, 221.899,
                TagSet.of(Map.of("check", "status is \"200\"", "group", " spaced", "name", "a,b", "url", "http://x/")),
                TagSet.EMPTY)));
        output.stop();

        assertThat(Files.readAllLines(dir.resolve("quoted.csv")).get(1)).isEqualTo(
                "my_metric,0,221.899000,\"status is \"\"200\"\"\",,,,\" spaced\",,\"a,b\",,,,,,,http://x/,,");
    }

    @Test
    void writesToStdoutWithDash() throws Exception {
        CsvOutput output = newOutput("-", CsvTimeFormat.UNIX, ERROR_CHECK_VU);
        output.start();
        output.addMetricSamples(List.of(new Sample(METRIC, 5 * SECOND, 2.5, TagSet.EMPTY, TagSet.EMPTY)));
        output.stop();

        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(
                "metric_name,timestamp,metric_value,check,error,extra_tags,metadata\nmy_metric,5,2.500000,,,,\n");
        assertThat(output.description()).isEqualTo("csv (stdout)");
    }

    @Test
    void theSystemTagsOptionChoosesTheColumns() {
        assertThat(CsvColumns.fromScriptOptions(Map.of("systemTags", List.of("url", "status", "iter"))).header())
                .containsExactly("metric_name", "timestamp", "metric_value", "status", "url", "extra_tags", "metadata");
        assertThat(CsvColumns.fromScriptOptions(Map.of())).isEqualTo(CsvColumns.DEFAULT);
        assertThatThrownBy(() -> CsvColumns.fromScriptOptions(Map.of("systemTags", List.of("colour"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'colour' in systemTags is not a k6 system tag");
    }

    @Test
    void aFileThatCannotBeOpenedIsAnErrorNamingIt() throws Exception {
        Files.createDirectory(dir.resolve("taken"));
        CsvOutput output = newOutput("taken", CsvTimeFormat.UNIX, CsvColumns.DEFAULT);

        assertThatThrownBy(output::start)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot write results to 'taken'")
                .hasMessageContaining("it is a folder");
    }

    private CsvOutput newOutput(String fileName, CsvTimeFormat timeFormat, CsvColumns columns) {
        return new CsvOutput(new CsvConfig(fileName, Duration.ofSeconds(1), timeFormat), columns, dir,
                new PrintStream(stdout, true, StandardCharsets.UTF_8), ZoneOffset.UTC);
    }
}
