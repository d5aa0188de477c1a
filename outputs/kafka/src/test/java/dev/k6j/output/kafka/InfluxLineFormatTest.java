package dev.k6j.output.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines as k6's InfluxDB output (the influxdb1-client's {@code Point.String()}) writes them. */
class InfluxLineFormatTest {

    private static final Metric DURATION = new Metric("http_req_duration", MetricType.TREND, ValueType.TIME);

    private static String line(String tagsAsFields, Sample sample) {
        StringBuilder out = new StringBuilder();
        boolean written = new InfluxLineFormat(TagsAsFields.parse(List.of(tagsAsFields.split(",")))).append(out,
                sample);
        return written ? out.toString() : null;
    }

    @Test
    void measurementTagsInNameOrderFieldsInNameOrderAndNanosecondTime() {
        Sample sample = new Sample(DURATION, 1_716_980_085_625_742_514L, 12.5,
                TagSet.of("status", "200").with("method", "GET").with("url", "http://x/a?b=1"),
                TagSet.of("vu", "3").with("iter", "7"));

        assertThat(line("vu:int,iter:int,url", sample)).isEqualTo("http_req_duration,method=GET,status=200"
                + " iter=7i,url=\"http://x/a?b=1\",value=12.5,vu=3i 1716980085625742514");
    }

    @Test
    void escapesAsLineProtocolNeeds() {
        Sample sample = new Sample(new Metric("my metric,x", MetricType.COUNTER, ValueType.DEFAULT), 1L, 1,
                TagSet.of("page name", "a,b=c d").with("note", "say \"hi\" \\ bye"), TagSet.EMPTY);

        assertThat(line("note", sample)).isEqualTo("my\\ metric\\,x,page\\ name=a\\,b\\=c\\ d"
                + " note=\"say \\\"hi\\\" \\\\ bye\",value=1 1");
    }

    @Test
    void emptyTagsAreLeftOutAndUnparsableFieldsStayStrings() {
        Sample sample = new Sample(DURATION, 5L, 0.1, TagSet.of("error", "").with("status", "n/a")
                .with("ok", "yes").with("ratio", "0.25"), TagSet.EMPTY);

        assertThat(line("status:int,ok:bool,ratio:float", sample))
                .isEqualTo("http_req_duration ok=\"yes\",ratio=0.25,status=\"n/a\",value=0.1 5");
    }

    @Test
    void floatsAreGosShortestPlainForm() {
        assertThat(InfluxLineFormat.plainFloat(1)).isEqualTo("1");
        assertThat(InfluxLineFormat.plainFloat(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(InfluxLineFormat.plainFloat(1e21)).isEqualTo("1000000000000000000000");
        assertThat(InfluxLineFormat.plainFloat(1.5e-7)).isEqualTo("0.00000015");
        assertThat(InfluxLineFormat.plainFloat(-0.0)).isEqualTo("-0");
        assertThat(InfluxLineFormat.plainFloat(-12.25)).isEqualTo("-12.25");
    }

    @Test
    void nanAndInfinityHaveNoLine() {
        assertThat(line("url", new Sample(DURATION, 1L, Double.NaN, TagSet.EMPTY, TagSet.EMPTY))).isNull();
        assertThat(line("url", new Sample(DURATION, 1L, Double.POSITIVE_INFINITY, TagSet.EMPTY, TagSet.EMPTY)))
                .isNull();
    }
}
